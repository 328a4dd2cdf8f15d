"""Read a v2 stream with python-subunit and write its events back out with StreamResultToBytes.

usage: /usr/bin/python3 rewrite.py IN OUT
Non-subunit bytes become `stdout` file events. Gives "python's own stream of the same events".
"""
import sys

from subunit.v2 import ByteStreamToStreamResult, StreamResultToBytes


def main():
    with open(sys.argv[1], 'rb') as src, open(sys.argv[2], 'wb') as out:
        ByteStreamToStreamResult(src, non_subunit_name='stdout').run(StreamResultToBytes(out))


if __name__ == '__main__':
    main()
