"""Print the events python-subunit reads from a v2 stream, one `.events` line each.

usage: /usr/bin/python3 dump_events.py STREAM          (to stdout)
       /usr/bin/python3 dump_events.py --each STREAM... (to STREAM.events beside each stream)
Non-subunit bytes become `stdout` file events, as subunit's tools do. Reads the stream from a
file, so python gathers non-subunit bytes in one event up to 1 MiB or the next packet. With
--each, a stream python crashes on gets a `STREAM.crash` file holding the error instead.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from events_text import LineCollector  # noqa: E402
from subunit.v2 import ByteStreamToStreamResult  # noqa: E402


def dump(path):
    collector = LineCollector()
    with open(path, 'rb') as f:
        ByteStreamToStreamResult(f, non_subunit_name='stdout').run(collector)
    return ''.join(text + '\n' for text in collector.lines)


def main():
    if sys.argv[1] != '--each':
        sys.stdout.write(dump(sys.argv[1]))
        return
    for path in sys.argv[2:]:
        try:
            text = dump(path)
        except Exception as e:  # python-subunit's own crashes are what we record
            with open(path + '.crash', 'w', encoding='utf-8') as out:
                out.write('%s: %s\n' % (type(e).__name__, e))
            continue
        with open(path + '.events', 'w', encoding='utf-8', newline='\n') as out:
            out.write(text)


if __name__ == '__main__':
    main()
