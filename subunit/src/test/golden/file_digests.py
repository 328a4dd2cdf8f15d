"""Join each attachment's chunks as python-subunit reads them and print one line per file.

usage: /usr/bin/python3 file_digests.py STREAM
Each line, in order of first appearance: test id (or `-`), file name, chunk count, total length,
sha256 of the joined content, and whether the last chunk had eof.
"""
import hashlib
import sys

from subunit.v2 import ByteStreamToStreamResult


class Files(object):
    def __init__(self):
        self.files = {}

    def status(self, test_id=None, file_name=None, file_bytes=None, eof=False, **_):
        if file_name is None:
            return
        key = (test_id or '-', file_name)
        entry = self.files.setdefault(key, [0, 0, hashlib.sha256(), False])
        entry[0] += 1
        entry[1] += len(file_bytes)
        entry[2].update(bytes(file_bytes))
        entry[3] = eof


def main():
    files = Files()
    with open(sys.argv[1], 'rb') as f:
        ByteStreamToStreamResult(f, non_subunit_name='stdout').run(files)
    for (test_id, name), (chunks, length, digest, eof) in files.files.items():
        print('%s %s %d %d %s %s' % (test_id, name, chunks, length, digest.hexdigest(), eof))


if __name__ == '__main__':
    main()
