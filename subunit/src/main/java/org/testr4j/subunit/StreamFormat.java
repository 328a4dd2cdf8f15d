package org.testr4j.subunit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.StreamItem;
import org.testr4j.subunit.v2.SubunitFormatException;

/**
 * The two versions of the subunit protocol, and how to tell them apart from a stream's first bytes.
 *
 * <p>A v2 stream is binary packets that start with the byte {@code 0xB3}; a v1 stream is text. A v2
 * stream may begin with output that is not subunit (a runner's banner), so when the first byte is
 * not {@code 0xB3} the bytes already available (up to {@value #PEEK_LIMIT}) are searched for a
 * whole packet with a good checksum, which text does not hold by accident. Detection never waits
 * for input beyond the first byte.
 *
 * <pre>{@code
 * InputStream in = new BufferedInputStream(Files.newInputStream(path));
 * StreamFormat format = StreamFormat.detect(in); // V2 for "\xb3\x29\x01\x0c...", V1 for "test: foo\n"
 * }</pre>
 */
public enum StreamFormat {
    /** The line-based text protocol: {@code test: id}, {@code success: id}, {@code tags: a b}. */
    V1,
    /** The binary packet protocol that python-subunit writes by default. */
    V2;

    /** The most bytes looked at to find a v2 packet after non-subunit output. */
    public static final int PEEK_LIMIT = 64 * 1024;

    private static final int SIGNATURE = 0xB3;

    /**
     * The format of the stream {@code in} is about to deliver; {@code in} is left where it was.
     * An empty stream counts as v2.
     *
     * @param in a stream that supports {@link InputStream#mark mark} and reset, such as a {@code
     *     BufferedInputStream}
     */
    public static StreamFormat detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("format detection needs a stream that supports mark and reset, such as"
                    + " a BufferedInputStream; " + in.getClass().getName() + " does not");
        }
        in.mark(PEEK_LIMIT);
        try {
            int first = in.read();
            if (first < 0 || first == SIGNATURE) {
                return V2;
            }
            byte[] head = new byte[PEEK_LIMIT];
            head[0] = (byte) first;
            int length = 1;
            while (length < PEEK_LIMIT && in.available() > 0) {
                int n = in.read(head, length, Math.min(in.available(), PEEK_LIMIT - length));
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return holdsPacket(head, length) ? V2 : V1;
        } finally {
            in.reset();
        }
    }

    private static boolean holdsPacket(byte[] head, int length) throws IOException {
        for (int i = 1; i + 1 < length; i++) {
            if ((head[i] & 0xFF) == SIGNATURE && (head[i + 1] & 0xF0) == 0x20 && packetAt(head, i, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean packetAt(byte[] head, int from, int length) throws IOException {
        try (PacketReader reader = PacketReader.strict(new ByteArrayInputStream(head, from, length - from))) {
            return reader.read()
                    .filter(item -> item instanceof StreamItem.Packet)
                    .isPresent();
        } catch (SubunitFormatException e) {
            return false;
        }
    }
}
