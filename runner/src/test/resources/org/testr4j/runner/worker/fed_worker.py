"""A fed test worker that speaks testr4j's feed protocol, for tests (see FedPythonWorker).

Each test sleeps the seconds after the last underscore of its id. With --list, it lists the ids in
tests.txt, tagging those marked with a leading '*' testr4j.in-order. Otherwise it announces that it
can be cancelled, runs batches read from stdin (an empty line ends one) and answers each '!cancel':
after the batch it cut short, or with --answer-at-once while a test runs, at once; with
--ignore-cancel it never stops early and never answers. With --name-a-stranger its answers also
name a test it was never given, as a broken worker might.
"""
import queue
import sys
import threading
import time

from subunit.v2 import StreamResultToBytes

out = StreamResultToBytes(sys.stdout.buffer)
lock = threading.Lock()
at_once = '--answer-at-once' in sys.argv
ignore = '--ignore-cancel' in sys.argv
stranger = ['Stranger.t_0'] if '--name-a-stranger' in sys.argv else []


def emit(**kw):
    with lock:
        out.status(**kw)
        sys.stdout.buffer.flush()


def answer(ids):
    emit(file_name='testr4j.unstarted', file_bytes=''.join(t + '\n' for t in ids).encode(),
         mime_type='text/plain', eof=True)


if '--list' in sys.argv:
    for line in open('tests.txt'):
        emit(test_id=line.strip().lstrip('*'), test_status='exists',
             test_tags={'testr4j.in-order'} if line.startswith('*') else None)
    sys.exit(0)

emit(file_name='testr4j.feed', file_bytes=b'cancel', mime_type='text/plain', eof=True)
items = queue.Queue()
state = {'running': False, 'cancel': False, 'answered': False, 'batch': [], 'next': 0}


def read():
    batch = []
    for line in sys.stdin:
        line = line.strip()
        if line == '!cancel':
            if ignore:
                continue
            with lock:
                if state['running'] and not state['cancel']:
                    state['cancel'] = True
                    if at_once:
                        state['answered'] = True
                        rest = state['batch'][state['next']:] + stranger
                        out.status(file_name='testr4j.unstarted', mime_type='text/plain', eof=True,
                                   file_bytes=''.join(t + '\n' for t in rest).encode())
                        sys.stdout.buffer.flush()
                    continue
            items.put('cancel')
        elif line:
            batch.append(line)
        else:
            items.put(batch)
            batch = []
    if batch:
        items.put(batch)
    items.put(None)


threading.Thread(target=read, daemon=True).start()
while True:
    item = items.get()
    if item is None:
        break
    if item == 'cancel':
        answer([])  # it came while no batch ran
        continue
    with lock:
        state.update(running=True, cancel=False, answered=False, batch=item, next=0)
    unstarted = []
    for i, test in enumerate(item):
        with lock:
            stop = state['cancel']
            if not stop:
                state['next'] = i + 1
        if stop:
            unstarted.append(test)
            continue
        emit(test_id=test, test_status='inprogress')
        time.sleep(float(test.rsplit('_', 1)[1]))
        emit(test_id=test, test_status='success')
    with lock:
        asked = state['cancel'] and not state['answered']
        state['running'] = False
    if asked:
        answer(unstarted)
