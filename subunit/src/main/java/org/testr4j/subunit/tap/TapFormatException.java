package org.testr4j.subunit.tap;

import java.io.IOException;

/**
 * TAP input that cannot be converted, with the line where it went wrong: {@code "TAP line 12: test
 * number '99999999999999999999' is too large"}.
 */
public final class TapFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public TapFormatException(long line, String reason) {
        super("TAP line " + line + ": " + reason);
        this.line = line;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }
}
