package org.testr4j.subunit.junitxml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer for StAX: a char buffer of its own, and long strings sent to the stream as bytes
 * in one piece.
 *
 * <p>The JDK's StAX writer makes a call per piece of markup (a {@code <}, a name, an attribute's
 * value, a quote): a {@link java.io.BufferedWriter} takes its lock on each, a sixth of the time of a
 * million-test report. This buffer is unsynchronised (a StAX writer is used by one thread) and goes
 * to an {@link OutputStreamWriter} a buffer at a time, whose encoder joins a surrogate pair split
 * between two buffers. A long write (a failure's traceback) would otherwise be copied into the
 * buffer, widened to UTF-16 and encoded back a buffer at a time, where {@link String#getBytes}
 * copies an ASCII string's bytes at once.
 *
 * <p>Each long write flushes the buffer, and so calls the stream's {@code flush()}: give it a stream
 * whose flush is cheap (the {@link Spool} does nothing on flush).
 */
final class LongTextWriter extends Writer {
    /** Strings at least this long skip the char buffer. */
    static final int LONG = 512;

    private final OutputStream out;
    private final Writer encoder;
    private final char[] buffer = new char[32 * 1024];
    private int used;

    LongTextWriter(OutputStream out) {
        this.out = out;
        this.encoder = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len >= LONG) {
            flush();
            out.write(
                    (off == 0 && len == s.length() ? s : s.substring(off, off + len)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (used + len > buffer.length) {
            drain();
        }
        s.getChars(off, off + len, buffer, used);
        used += len;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (len >= LONG) {
            drain();
            encoder.write(cbuf, off, len);
            return;
        }
        if (used + len > buffer.length) {
            drain();
        }
        System.arraycopy(cbuf, off, buffer, used, len);
        used += len;
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    /** Hands the buffer to the encoder, which keeps half a surrogate pair for the next. */
    private void drain() throws IOException {
        encoder.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        encoder.flush();
    }

    @Override
    public void close() throws IOException {
        drain();
        encoder.close();
    }
}
