package org.testr4j.subunit.v1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.testr4j.subunit.Bytes;

/**
 * The bytes of a v1 stream, looked at one line (or one piece of a very long line) at a time, with
 * the byte offset and line number of the read position.
 *
 * <p>The protocol is line based except inside chunked attachments, whose bodies are raw bytes that
 * may hold any number of newlines or none; so callers can also take raw runs of bytes. A line
 * longer than {@link #MAX_PIECE} comes in pieces, which keeps memory bounded whatever the input.
 */
final class LineSource {
    /** The longest piece of a line handed out at once; also python-subunit's limit for passthrough runs. */
    static final int MAX_PIECE = 1024 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long bufStart;
    private boolean endOfInput;
    private long line = 1;
    private boolean lastConsumedNewline = true;

    LineSource(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The offset of the next byte. */
    long offset() {
        return bufStart + pos;
    }

    /** The 1-based number of the line the next byte is on. */
    long lineNumber() {
        return line;
    }

    /** True if the next byte starts a line. */
    boolean atLineStart() {
        return lastConsumedNewline;
    }

    /**
     * The length of the next piece: up to and including the next newline, at most {@link
     * #MAX_PIECE} bytes, or the rest of the input. Zero at the end of the input. Consumes nothing.
     */
    int peekLine() throws IOException {
        int scanned = 0;
        while (true) {
            int newline = indexOfNewline(pos + scanned, Math.min(limit, pos + MAX_PIECE));
            if (newline >= 0) {
                return newline - pos + 1;
            }
            scanned = limit - pos;
            if (scanned >= MAX_PIECE) {
                return MAX_PIECE;
            }
            if (!fill()) {
                return limit - pos;
            }
        }
    }

    /** How many bytes are buffered, reading (and waiting) for at least one unless at the end. */
    int peekBytes() throws IOException {
        if (pos == limit) {
            fill();
        }
        return limit - pos;
    }

    /** True if a whole line is buffered, so {@link #peekLine()} would not wait for input. */
    boolean lineBuffered() {
        return endOfInput || indexOfNewline(pos, limit) >= 0;
    }

    /** True if nothing is buffered and the input has nothing ready. */
    boolean idle() throws IOException {
        return pos == limit && (endOfInput || in.available() <= 0);
    }

    /** True if the input has nothing more ready to read without waiting. */
    boolean inputQuiet() throws IOException {
        return endOfInput || in.available() <= 0;
    }

    byte at(int index) {
        return buf[pos + index];
    }

    /** Does the piece of {@code length} bytes at the read position hold exactly {@code text}? */
    boolean is(int length, byte[] text) {
        return length == text.length && Arrays.equals(buf, pos, pos + length, text, 0, length);
    }

    /** True if the piece of {@code length} bytes ends with a newline. */
    boolean endsLine(int length) {
        return length > 0 && buf[pos + length - 1] == '\n';
    }

    Bytes bytes(int from, int length) {
        return Bytes.of(buf, pos + from, length);
    }

    /** Decodes bytes as UTF-8, replacing malformed sequences, as a forgiving reader must. */
    String utf8(int from, int length) {
        return new String(buf, pos + from, length, StandardCharsets.UTF_8);
    }

    /** Decodes bytes one char per byte, for matching ASCII syntax without losing any byte. */
    String latin1(int from, int length) {
        return new String(buf, pos + from, length, StandardCharsets.ISO_8859_1);
    }

    /** Appends {@code length} bytes from the read position to {@code to}. */
    void appendTo(ByteArrayOutputStream to, int from, int length) {
        to.write(buf, pos + from, length);
    }

    /** Moves past {@code length} bytes, counting the lines they end. */
    void consume(int length) {
        int end = pos + length;
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
                line++;
            }
        }
        if (length > 0) {
            lastConsumedNewline = buf[end - 1] == '\n';
        }
        pos = end;
    }

    void close() throws IOException {
        in.close();
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_PIECE + 1024));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        return true;
    }
}
