package org.testr4j.subunit.junitxml;

import java.io.IOException;

/**
 * A JUnit XML report that cannot be read, with where: {@code "TEST-Foo.xml:12:5: The element type
 * "failure" must be terminated by the matching end-tag "</failure>"."}.
 */
public final class JUnitXmlFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    public JUnitXmlFormatException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file (or stream name) the report came from. */
    public String source() {
        return source;
    }

    /** The 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column, or -1 when unknown. */
    public int column() {
        return column;
    }
}
