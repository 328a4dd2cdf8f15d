package org.testr4j.subunit.v2;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Writes events as subunit v2 packets, byte for byte as python-subunit's {@code StreamResultToBytes}.
 *
 * <p>A file chunk too large for one packet (4 MiB − 1 in all) is split across several packets with
 * the same test id, route code and timestamp: the MIME type goes on the first, the status, tags and
 * eof on the last. {@link #to(OutputStream)} gathers packets and writes them in large blocks;
 * {@link #live(OutputStream)} flushes after every packet, for a reader on the other end of a pipe.
 *
 * <pre>{@code
 * try (PacketWriter out = PacketWriter.to(Files.newOutputStream(path))) {
 *     out.status(Event.test("foo").status(TestStatus.EXISTS).build()); // b3 29 01 0c 03 666f6f 08555f1b
 * }
 * }</pre>
 */
public final class PacketWriter implements StreamResult, Flushable, AutoCloseable {
    /** The largest packet the protocol allows: a 3-byte length field's maximum. */
    public static final int MAX_PACKET = Varint.MAX_3;

    static final int SIGNATURE = 0xB3;
    private static final int BLOCK = 64 * 1024;
    private static final int UINT32_MAX = -1;

    private final OutputStream out;
    private final boolean flushEachPacket;
    private final CRC32 crc = new CRC32();
    private byte[] buf = new byte[BLOCK + 1024];
    private int used;

    private PacketWriter(OutputStream out, boolean flushEachPacket) {
        this.out = Objects.requireNonNull(out, "out");
        this.flushEachPacket = flushEachPacket;
    }

    /** A writer that gathers packets into large writes; call {@link #flush()} or {@link #stopRun()} to push them out. */
    public static PacketWriter to(OutputStream out) {
        return new PacketWriter(out, false);
    }

    /** A writer that writes and flushes each packet as it comes, so a reader sees it at once. */
    public static PacketWriter live(OutputStream out) {
        return new PacketWriter(out, true);
    }

    /** The bytes of {@code event} as packets, for tests and small tools. */
    public static byte[] toBytes(Event event) {
        var sink = new java.io.ByteArrayOutputStream();
        try (PacketWriter w = to(sink)) {
            w.status(event);
        }
        return sink.toByteArray();
    }

    /**
     * Writes {@code event}; I/O failures surface as {@link UncheckedIOException} because {@link
     * StreamResult#status} cannot throw checked exceptions.
     */
    @Override
    public void status(Event event) {
        try {
            write(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code event} as one or more packets. */
    public void write(Event event) throws IOException {
        int fileLength = event.hasFile() ? event.fileBytes().size() : 0;
        byte[] id = utf8(event.testId());
        byte[] mime = event.mimeType() == null || event.mimeType().isEmpty() ? null : utf8(event.mimeType());
        byte[] name = utf8(event.fileName());
        byte[] route = utf8(event.routeCode());
        byte[][] tags = encodeTags(event);
        int headerless = fieldsLength(event.timestamp(), id, tags, mime, name, route);
        // signature + flags + CRC, the file's content, and its length varint.
        int base = 1 + 2 + headerless + 4 + (name == null ? 0 : fileLength + Varint.size(fileLength));
        if (base + Varint.size(base + 3) <= MAX_PACKET) {
            writePacket(event, 0, fileLength, id, tags, mime, name, route, event.eof(), true, true);
        } else {
            writeChunked(event, id, tags, mime, name, route, headerless);
        }
        if (flushEachPacket) {
            flush();
        }
    }

    private void writeChunked(
            Event event, byte[] id, byte[][] tags, byte[] mime, byte[] name, byte[] route, int headerless)
            throws IOException {
        // Room for content once every other field, a 3-byte content length and a 3-byte packet length are counted.
        int room = MAX_PACKET - (1 + 2 + 3 + headerless + 3 + 4);
        if (room < 1 || !event.hasFile()) {
            // Only file content can be split; the other fields must fit in every chunk.
            String which = event.testId() == null ? "no test id" : "test id '" + abbreviate(event.testId()) + "'";
            throw new IllegalArgumentException(
                    "event with " + which + " does not fit in a packet: its fields other than" + " file content take "
                            + headerless + " bytes, and a packet holds at most " + MAX_PACKET);
        }
        int total = event.fileBytes().size();
        for (int from = 0; from < total; from += room) {
            int length = Math.min(room, total - from);
            boolean first = from == 0;
            boolean last = from + length >= total;
            writePacket(
                    event,
                    from,
                    length,
                    id,
                    last ? tags : null,
                    first ? mime : null,
                    name,
                    route,
                    last && event.eof(),
                    last,
                    first);
        }
    }

    private void writePacket(
            Event event,
            int fileFrom,
            int fileLength,
            byte[] id,
            byte[][] tags,
            byte[] mime,
            byte[] name,
            byte[] route,
            boolean eof,
            boolean withStatus,
            boolean firstChunk)
            throws IOException {
        Instant ts = event.timestamp();
        int body = fieldsLength(ts, id, tags, mime, name, route)
                + (name == null ? 0 : fileLength + Varint.size(fileLength));
        int base = 1 + 2 + body + 4;
        // python-subunit's "volatile length": the length counts its own varint.
        int length = base + 1;
        if (length > Varint.MAX_1) {
            length = base + 2;
            if (length > Varint.MAX_2) {
                length = base + 3;
            }
        }
        if (length > MAX_PACKET) {
            throw new IllegalArgumentException(
                    "packet of " + length + " bytes exceeds the " + MAX_PACKET + "-byte limit");
        }
        reserve(length);
        int start = used;
        int p = start;
        int flags = PacketFlags.VERSION_2;
        buf[p] = (byte) SIGNATURE;
        p += 3; // flags are filled in below
        p = Varint.write(length, buf, p);
        if (ts != null) {
            flags |= PacketFlags.TIMESTAMP;
            long seconds = ts.getEpochSecond();
            if (seconds < 0 || seconds > (UINT32_MAX & 0xFFFFFFFFL)) {
                throw new IllegalArgumentException("timestamp " + ts + " is outside subunit's range (1970 to 2106)");
            }
            buf[p++] = (byte) (seconds >>> 24);
            buf[p++] = (byte) (seconds >>> 16);
            buf[p++] = (byte) (seconds >>> 8);
            buf[p++] = (byte) seconds;
            p = Varint.write(ts.getNano(), buf, p);
        }
        if (id != null) {
            flags |= PacketFlags.TEST_ID;
            p = putUtf8(id, p);
        }
        if (tags != null && tags.length > 0) {
            flags |= PacketFlags.TAGS;
            p = Varint.write(tags.length, buf, p);
            for (byte[] tag : tags) {
                p = putUtf8(tag, p);
            }
        }
        if (event.runnable()) {
            flags |= PacketFlags.RUNNABLE;
        }
        if (mime != null) {
            flags |= PacketFlags.MIME_TYPE;
            p = putUtf8(mime, p);
        }
        if (name != null) {
            flags |= PacketFlags.FILE_CONTENT;
            p = putUtf8(name, p);
            p = Varint.write(fileLength, buf, p);
            event.fileBytes().copyTo(fileFrom, buf, p, fileLength);
            p += fileLength;
        }
        if (eof) {
            flags |= PacketFlags.EOF;
        }
        if (route != null) {
            flags |= PacketFlags.ROUTE_CODE;
            p = putUtf8(route, p);
        }
        if (withStatus) {
            flags |= event.status().code();
        }
        buf[start + 1] = (byte) (flags >>> 8);
        buf[start + 2] = (byte) flags;
        crc.reset();
        crc.update(buf, start, p - start);
        int sum = (int) crc.getValue();
        buf[p++] = (byte) (sum >>> 24);
        buf[p++] = (byte) (sum >>> 16);
        buf[p++] = (byte) (sum >>> 8);
        buf[p++] = (byte) sum;
        assert p - start == length : "computed " + length + " wrote " + (p - start);
        used = p;
        if (used >= BLOCK) {
            drain();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static int fieldsLength(Instant ts, byte[] id, byte[][] tags, byte[] mime, byte[] name, byte[] route) {
        int n = 0;
        if (ts != null) {
            n += 4 + Varint.size(ts.getNano());
        }
        n += utf8Length(id) + utf8Length(mime) + utf8Length(name) + utf8Length(route);
        if (tags != null && tags.length > 0) {
            n += Varint.size(tags.length);
            for (byte[] tag : tags) {
                n += utf8Length(tag);
            }
        }
        return n;
    }

    private static int utf8Length(byte[] s) {
        return s == null ? 0 : Varint.size(s.length) + s.length;
    }

    private int putUtf8(byte[] s, int p) {
        p = Varint.write(s.length, buf, p);
        System.arraycopy(s, 0, buf, p, s.length);
        return p + s.length;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] encodeTags(Event event) {
        if (event.tags().isEmpty()) {
            return null;
        }
        byte[][] tags = new byte[event.tags().size()][];
        int i = 0;
        for (String tag : event.tags()) {
            tags[i++] = utf8(tag);
        }
        return tags;
    }

    private void reserve(int length) throws IOException {
        if (used + length > buf.length) {
            drain();
            if (length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(length, buf.length * 2));
            }
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buf, 0, used);
            used = 0;
        }
        if (buf.length > 4 * BLOCK) {
            buf = new byte[BLOCK + 1024]; // give back the room a huge file chunk took
        }
    }

    /** Writes out every gathered packet and flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Flushes; the underlying stream stays open. */
    @Override
    public void stopRun() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() {
        try (out) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
