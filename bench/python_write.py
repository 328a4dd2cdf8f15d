"""python-subunit's encoder alone, the baseline for bench/codec's write figure.

usage: /usr/bin/python3 bench/python_write.py STREAM
Decodes STREAM with ByteStreamToStreamResult in chunks of 4096 events (untimed) and times
StreamResultToBytes writing each chunk into a null stream, the same split as CodecBench's write.
Prints: events=<n> bytes=<n> seconds=<write wall time> cpu_seconds=<write CPU time>
"""
import sys
import time

from subunit.v2 import ByteStreamToStreamResult, StreamResultToBytes

CHUNK = 4096


class NullStream(object):
    """Counts what is written; refuses reads so subunit treats it as a binary output stream."""

    def __init__(self):
        self.count = 0

    def write(self, data):
        self.count += len(data)

    def flush(self):
        pass

    def read(self, n=-1):
        raise IOError("write only")


class ChunkedWrite(object):
    def __init__(self, writer):
        self.writer = writer
        self.chunk = []
        self.events = 0
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def startTestRun(self):
        pass

    def stopTestRun(self):
        self.drain()

    def status(self, **kw):
        self.chunk.append(kw)
        if len(self.chunk) == CHUNK:
            self.drain()

    def drain(self):
        write = self.writer.status
        start_cpu = time.process_time()
        start = time.perf_counter()
        for kw in self.chunk:
            write(**kw)
        self.seconds += time.perf_counter() - start
        self.cpu_seconds += time.process_time() - start_cpu
        self.events += len(self.chunk)
        self.chunk = []


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = NullStream()
    sink = ChunkedWrite(StreamResultToBytes(out))
    with open(sys.argv[1], 'rb') as stream:
        result = ByteStreamToStreamResult(stream, non_subunit_name='stdout')
        sink.startTestRun()
        result.run(sink)
        sink.stopTestRun()
    print('events=%d bytes=%d seconds=%.3f cpu_seconds=%.3f' % (sink.events, out.count, sink.seconds, sink.cpu_seconds))


if __name__ == '__main__':
    main()
