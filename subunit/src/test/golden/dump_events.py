"""Print the events python-subunit reads from a v2 stream, one `.events` line each.

usage: /usr/bin/python3 dump_events.py STREAM
Non-subunit bytes become `stdout` file events, as subunit's tools do. Reads the stream from a
file, so python gathers non-subunit bytes in one event up to 1 MiB or the next packet.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from events_text import LineCollector  # noqa: E402
from subunit.v2 import ByteStreamToStreamResult  # noqa: E402


def main():
    collector = LineCollector()
    with open(sys.argv[1], 'rb') as f:
        ByteStreamToStreamResult(f, non_subunit_name='stdout').run(collector)
    out = sys.stdout
    for text in collector.lines:
        out.write(text + '\n')


if __name__ == '__main__':
    main()
