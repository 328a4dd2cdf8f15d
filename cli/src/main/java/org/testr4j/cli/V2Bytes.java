package org.testr4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.testr4j.subunit.SubunitReader;
import org.testr4j.subunit.v2.PacketWriter;
import org.testr4j.subunit.v2.StreamItem;

/**
 * The v2 bytes of a stream read by a {@link SubunitReader}, encoded one item at a time as they are
 * read: how a v1 stream becomes the v2 run the repository keeps, with no thread and no buffer
 * beyond one item.
 */
final class V2Bytes extends InputStream {
    private final SubunitReader reader;
    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    private final PacketWriter writer = PacketWriter.to(encoded);
    private byte[] chunk = new byte[0];
    private int at;

    V2Bytes(SubunitReader reader) {
        this.reader = reader;
    }

    @Override
    public int read() throws IOException {
        return fill() ? chunk[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] to, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - at);
        System.arraycopy(chunk, at, to, offset, n);
        at += n;
        return n;
    }

    /** Makes sure some encoded bytes are waiting; false at the end of the stream. */
    private boolean fill() throws IOException {
        while (at == chunk.length) {
            Optional<StreamItem> next = reader.read();
            if (next.isEmpty()) {
                return false;
            }
            next.get().deliverTo(writer);
            writer.flush();
            chunk = encoded.toByteArray();
            encoded.reset();
            at = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
