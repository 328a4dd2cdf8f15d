package org.testr4j.subunit.junitxml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer for StAX that sends long strings to the stream as bytes in one piece. Short writes
 * (tags, attributes) are buffered as usual; a long one (a failure's traceback) would otherwise be
 * copied into the char buffer, widened to UTF-16 and encoded back a buffer at a time, where {@link
 * String#getBytes} copies an ASCII string's bytes at once.
 *
 * <p>Each long write flushes the char buffer, and so calls the stream's {@code flush()}: give it a
 * stream whose flush is cheap (the {@link Spool} does nothing on flush).
 */
final class LongTextWriter extends Writer {
    /** Strings at least this long skip the char buffer. */
    static final int LONG = 512;

    private final OutputStream out;
    private final BufferedWriter buffered;

    LongTextWriter(OutputStream out) {
        this.out = out;
        this.buffered = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void write(String s) throws IOException {
        if (s.length() < LONG) {
            buffered.write(s);
            return;
        }
        buffered.flush();
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len < LONG) {
            buffered.write(s, off, len);
            return;
        }
        write(s.substring(off, off + len));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        buffered.write(cbuf, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        buffered.write(c);
    }

    @Override
    public void flush() throws IOException {
        buffered.flush();
    }

    @Override
    public void close() throws IOException {
        buffered.close();
    }
}
