package org.testr4j.subunit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes: a file chunk's content.
 *
 * <p>Records compare arrays by identity, so events hold this value instead of a {@code byte[]}. It
 * copies on the way in and on the way out, compares by content, and shows its first 16 bytes in
 * hex: {@code Bytes.of("hi".getBytes())} prints as {@code [2 bytes 6869]}.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Bytes utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), as a new value. */
    public Bytes slice(int from, int to) {
        return from == 0 && to == data.length ? this : of(data, from, to - from);
    }

    /** Copies {@code length} bytes from {@code from} into {@code to} at {@code at}. */
    public void copyTo(int from, byte[] to, int at, int length) {
        System.arraycopy(data, from, to, at, length);
    }

    /** Writes the content without copying it. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data);
    }

    /** Writes {@code length} bytes from {@code offset} without copying them. */
    public void writeTo(OutputStream out, int offset, int length) throws IOException {
        out.write(data, offset, length);
    }

    /** The content decoded as UTF-8, malformed sequences replaced. */
    public String utf8() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes && Arrays.equals(data, ((Bytes) o).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(data, 0, Math.min(16, data.length));
        return "[" + data.length + " bytes " + hex + (data.length > 16 ? "…" : "") + "]";
    }
}
