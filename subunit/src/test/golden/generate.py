"""Regenerate the golden subunit v2 files with python-subunit, the reference implementation.

usage: /usr/bin/python3 subunit/src/test/golden/generate.py [OUTDIR]
OUTDIR defaults to subunit/src/test/resources/golden. For every case it writes
  v2/<case>.subunit   bytes from StreamResultToBytes (plus raw non-subunit bytes for noise cases)
  v2/<case>.events    what ByteStreamToStreamResult reads back from that file, one line per event
and utf8-mid-character.txt: random byte runs with python's mid_character flag after each byte.
Every case is deterministic: tag sets have one element, timestamps are whole microseconds.
"""
import codecs
import datetime
import io
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from events_text import LineCollector  # noqa: E402
from subunit import iso8601  # noqa: E402
from subunit.v2 import ByteStreamToStreamResult, StreamResultToBytes  # noqa: E402

UTC = iso8601.Utc()
T = datetime.datetime(2024, 2, 29, 23, 59, 58, 123456, UTC)
STATUSES = [None, 'exists', 'inprogress', 'success', 'uxsuccess', 'skip', 'fail', 'xfail']
DECODE_ONLY = '# decode-only: '


def packet(**kw):
    b = io.BytesIO()
    StreamResultToBytes(b).status(**kw)
    return b.getvalue()


def sized(length, **kw):
    """Status kwargs for a packet of exactly `length` bytes, padding the file content."""
    for n in range(length):
        trial = dict(kw, file_name='f', file_bytes=b'p' * n)
        got = len(packet(**trial))
        if got == length:
            return trial
        if got > length:
            raise ValueError('no file size gives a %d-byte packet' % length)
    raise ValueError(length)


def noise(b):
    return ('noise', b)


CASES = {}


def case(name, *ops, decode_only=None):
    CASES[name] = (ops, decode_only)


for s in STATUSES:
    case('status-%s' % (s or 'none'), dict(test_id='pkg.T.t', test_status=s))
case('spec-exists', dict(test_id='foo', test_status='exists'))
case('not-runnable', dict(test_id='pkg.T.sub(1)', test_status='success', runnable=False))
case('empty-test-id', dict(test_id='', test_status='success'))
case('unicode-ids',
     dict(test_id='pkg.T.\u00e9\u4e2d', test_status='inprogress'),
     dict(test_id='pkg.T.\U0001F600 with space, comma=*%', test_status='success'),
     dict(test_id='tab\tnew\nline', test_status='fail'))
case('tags',
     dict(test_id='pkg.T.t', test_status='inprogress', test_tags={'worker-0'}),
     dict(test_id='pkg.T.t', test_status='success', test_tags={'\u00fcnicode tag'}),
     dict(test_tags={'global'}))
case('route-codes',
     dict(test_id='a', test_status='success', route_code='0'),
     dict(test_id='b', test_status='success', route_code='0/1'),
     dict(test_id='c', test_status='success', route_code='1/2/3'),
     dict(test_id='d', test_status='success', route_code=''))
case('timestamps',
     dict(test_id='a', test_status='inprogress', timestamp=T),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(1970, 1, 1, 0, 0, 0, 0, UTC)),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(1970, 1, 1, 0, 0, 0, 1, UTC)),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(2001, 12, 12, 12, 59, 59, 45, UTC)),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(2038, 1, 19, 3, 14, 8, 999999, UTC)),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(2106, 2, 7, 6, 28, 15, 500000, UTC)))
case('attachment-text',
     dict(test_id='pkg.T.t', test_status='fail', file_name='traceback',
          file_bytes='Traceback (most recent call last):\n  AssertionError: 1 != 2 \u2013 \u00b3\n'.encode('utf-8'),
          mime_type='text/plain;charset=utf8', eof=True))
case('attachment-binary',
     dict(test_id='pkg.T.t', file_name='core', file_bytes=bytes(range(256)),
          mime_type='application/octet-stream', eof=True))
case('attachment-chunked',
     dict(test_id='pkg.T.t', file_name='log', file_bytes=b'first chunk\n', mime_type='text/plain', route_code='0/1', timestamp=T),
     dict(test_id='pkg.T.t', file_name='log', file_bytes=b'x' * 70, route_code='0/1', timestamp=T),
     dict(test_id='pkg.T.t', file_name='log', file_bytes=b'y' * 20000, route_code='0/1', timestamp=T),
     dict(test_id='pkg.T.t', file_name='log', file_bytes=b'', eof=True, route_code='0/1', timestamp=T),
     dict(test_id='pkg.T.t', test_status='success', route_code='0/1', timestamp=T))
case('attachment-empty-eof',
     dict(test_id='pkg.T.t', file_name='stderr', file_bytes=b'', eof=True, test_status='skip'))
case('global-output',
     dict(file_name='stdout', file_bytes=b'collecting tests\n', mime_type='text/plain'),
     dict(file_name='stderr', file_bytes=b'done\n', eof=True))
case('eof-without-file', dict(test_id='pkg.T.t', test_status='success', eof=True))
case('everything',
     dict(test_id='pkg.T.\u00e9', test_status='xfail', test_tags={'slow'}, runnable=False,
          file_name='reason', file_bytes=b'known bug', eof=True, mime_type='text/plain;charset=utf8',
          route_code='3/0', timestamp=T))
# The length field counts itself: these packets sit on both sides of each width step.
for length in (63, 65, 16383, 16385, 100000):
    case('length-%d' % length, sized(length, test_id='pkg.T.t'))
case('varint-widths',
     dict(test_id='a', file_name='f', file_bytes=b'a' * 63),
     dict(test_id='a', file_name='f', file_bytes=b'b' * 64),
     dict(test_id='a', file_name='f', file_bytes=b'c' * 16383),
     dict(test_id='a', file_name='f', file_bytes=b'd' * 16384),
     dict(test_id='i' * 63, test_status='exists'),
     dict(test_id='j' * 64, test_status='exists'),
     dict(test_id='a', test_status='success', timestamp=datetime.datetime(2024, 1, 1, 0, 0, 0, 999999, UTC)))
case('realistic-run',
     dict(file_name='stdout', file_bytes=b'running 3 tests\n', mime_type='text/plain'),
     dict(test_id='pkg.A.ok', test_status='inprogress', timestamp=T, route_code='0', test_tags={'worker-0'}),
     dict(test_id='pkg.A.ok', test_status='success', timestamp=T, route_code='0', test_tags={'worker-0'}),
     dict(test_id='pkg.A.bad', test_status='inprogress', timestamp=T, route_code='1'),
     dict(test_id='pkg.A.bad', file_name='traceback', file_bytes=b'AssertionError\n',
          mime_type='text/plain;charset=utf8', eof=True, timestamp=T, route_code='1'),
     dict(test_id='pkg.A.bad', test_status='fail', timestamp=T, route_code='1'),
     dict(test_id='pkg.A.skipped', test_status='skip', file_name='reason', file_bytes=b'no db',
          eof=True, mime_type='text/plain;charset=utf8', timestamp=T, route_code='0'))

GOOD = dict(test_id='pkg.T.t', test_status='success')
case('noise-text', noise(b'make: Entering directory\n'), GOOD, noise(b'warning: x\n'), GOOD,
     noise(b'trailing output'), decode_only='raw bytes between packets')
case('noise-superscript-three', noise('x = 2\u00b3\n'.encode('utf-8')), GOOD,
     noise('\u00b3'.encode('utf-8')), GOOD, decode_only='raw bytes between packets; C2 B3 is text, not a packet')
case('noise-mid-character-swallows-packet', noise(b'cut \xc2'), GOOD, GOOD,
     decode_only='a packet right after a lead byte is read as text, as python does')
case('noise-decoder-keeps-buffer', noise(b'x\xe2A'), GOOD, noise(b'\x82'), GOOD, GOOD,
     decode_only="python's decoder keeps E2 after the error, so 82 B3 completes a character")
case('noise-invalid-utf8', noise(b'\xff\xfe\x80 bytes\n'), GOOD, noise(b'\xed\xa0'), GOOD,
     decode_only='invalid UTF-8 between packets')


def write_case(outdir, name, ops, decode_only):
    path = os.path.join(outdir, name + '.subunit')
    with open(path, 'wb') as out:
        writer = StreamResultToBytes(out)
        for op in ops:
            if isinstance(op, tuple):
                out.write(op[1])
                out.flush()
            else:
                writer.status(**op)
    collector = LineCollector()
    with open(path, 'rb') as f:
        ByteStreamToStreamResult(f, non_subunit_name='stdout').run(collector)
    with open(os.path.join(outdir, name + '.events'), 'w', encoding='utf-8', newline='\n') as out:
        out.write('# generated by subunit/src/test/golden/generate.py from python-subunit; do not edit\n')
        if decode_only:
            out.write(DECODE_ONLY + decode_only + '\n')
        for text in collector.lines:
            out.write(text + '\n')


ALPHABET = [0x41, 0x80, 0x82, 0x8F, 0x90, 0x9F, 0xA0, 0xB3, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2,
            0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]


def write_utf8(path):
    """Each line: hex bytes, then python's mid_character after each byte (1 = inside a character)."""
    rng = random.Random(3)
    with open(path, 'w', newline='\n') as out:
        out.write('# generated by subunit/src/test/golden/generate.py; one decoder for the whole line\n')
        for _ in range(3000):
            run = bytes(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10)))
            decoder = codecs.lookup('utf8').incrementaldecoder()
            flags = []
            for b in run:
                try:
                    mid = not decoder.decode(bytes([b]))
                except UnicodeDecodeError:
                    mid = False
                flags.append('1' if mid else '0')
            out.write('%s %s\n' % (run.hex(), ''.join(flags)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'resources', 'golden')
    v2 = os.path.join(root, 'v2')
    os.makedirs(v2, exist_ok=True)
    for name, (ops, decode_only) in sorted(CASES.items()):
        write_case(v2, name, ops, decode_only)
    write_utf8(os.path.join(root, 'utf8-mid-character.txt'))
    print('%d cases in %s' % (len(CASES), v2))


if __name__ == '__main__':
    main()
