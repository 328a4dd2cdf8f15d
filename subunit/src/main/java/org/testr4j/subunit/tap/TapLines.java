package org.testr4j.subunit.tap;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits TAP text into lines the way python's {@code sys.stdin} does on POSIX: only {@code \n} ends
 * a line and stays on it ({@code \r} is kept as an ordinary character); a last line without an end
 * comes back without one.
 */
final class TapLines {
    private final Reader in;
    private final char[] buf = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int limit;
    private long lineNumber;

    TapLines(Reader in) {
        this.in = in;
    }

    /** The next line with its end as {@code \n}, or null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line.length() == 0) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
            }
            char c = buf[pos++];
            if (c == '\n') {
                lineNumber++;
                return line.append('\n').toString();
            }
            line.append(c);
        }
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }
}
