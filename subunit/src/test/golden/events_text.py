"""The `.events` text form of subunit events: one event per line, shared with the Java tests.

    <status> [id=T] [tags=T,T...] [at=ISO] [route=T] [mime=T] [file=T data=D] [eof] [notrunnable]

status is python-subunit's name (exists, inprogress, success, uxsuccess, skip, fail, xfail) or
`none`. A text T keeps printable characters and writes the UTF-8 bytes of ' ', '%', ',', '*', '=',
and of anything not printable, as %XX. Data D writes printable ASCII but those five literally and
every other byte as %XX; content of 8 or more copies of one byte is written `<byte>*<count>`.
`at` has nine fraction digits and ends in Z. Lines starting with `#` are comments. The Java twin is
org.testr4j.subunit.EventText; keep the two in step.
"""
import datetime

SPECIAL = ' %,*='


def text(s):
    out = []
    for ch in s:
        if ch in SPECIAL or not ch.isprintable():
            out.append(''.join('%%%02X' % b for b in ch.encode('utf-8', 'surrogatepass')))
        else:
            out.append(ch)
    return ''.join(out)


def _byte(b):
    c = chr(b)
    if 0x21 <= b <= 0x7e and c not in SPECIAL:
        return c
    return '%%%02X' % b


def data(bs):
    bs = bytes(bs)
    if len(bs) >= 8 and bs.count(bs[0:1]) == len(bs):
        return '%s*%d' % (_byte(bs[0]), len(bs))
    return ''.join(_byte(b) for b in bs)


def instant(ts):
    utc = ts.astimezone(datetime.timezone.utc)
    return utc.strftime('%Y-%m-%dT%H:%M:%S.') + '%06d000Z' % utc.microsecond


def line(test_id=None, test_status=None, test_tags=None, runnable=True, file_name=None,
         file_bytes=None, eof=False, mime_type=None, route_code=None, timestamp=None):
    parts = [test_status or 'none']
    if test_id is not None:
        parts.append('id=' + text(test_id))
    if test_tags:
        parts.append('tags=' + ','.join(text(t) for t in sorted(test_tags)))
    if timestamp is not None:
        parts.append('at=' + instant(timestamp))
    if route_code is not None:
        parts.append('route=' + text(route_code))
    if mime_type is not None:
        parts.append('mime=' + text(mime_type))
    if file_name is not None:
        parts.append('file=' + text(file_name))
        parts.append('data=' + data(file_bytes))
    if eof:
        parts.append('eof')
    if not runnable:
        parts.append('notrunnable')
    return ' '.join(parts)


class LineCollector(object):
    """A testtools StreamResult that keeps each event as its `.events` line."""

    def __init__(self):
        self.lines = []

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def status(self, **kwargs):
        self.lines.append(line(**kwargs))
