package org.testr4j.subunit.v2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Reads a subunit v2 byte stream one item at a time, in memory bounded by one packet.
 *
 * <pre>
 * +------+-------+------------+---------------------------------------------+-------+
 * | 0xB3 | flags | length     | [timestamp] [test id] [tags] [mime] [file]  | CRC32 |
 * |  1   |   2   | varint 1-3 | [route code], each present if its flag is set |   4   |
 * +------+-------+------------+---------------------------------------------+-------+
 * length counts the whole packet, signature to CRC; the CRC covers every byte before it.
 * </pre>
 *
 * <p>Bytes between packets are handed on as {@link StreamItem.Interleaved} under a caller-chosen
 * name ({@code stdout} by default), at most 1 MiB at a time and without waiting for more input than
 * is already available. A 0xB3 byte that continues a UTF-8 character in that output is not a
 * packet (python-subunit's rule, see {@link Utf8Tracker}).
 *
 * <p>A lenient reader turns a bad packet into a {@link StreamItem.Corrupt} naming the byte offset
 * and the reason, then resynchronises: where the packet's own length can be trusted it carries on
 * after it, otherwise at the next offset where a whole packet checks out. So one bad packet costs
 * one packet, and a truncated stream keeps every packet before the cut. A strict reader throws
 * {@link SubunitFormatException} instead. No input makes it throw anything else, hang, or hold more
 * than one packet.
 *
 * <pre>{@code
 * try (PacketReader reader = PacketReader.lenient(Files.newInputStream(run))) {
 *     ReadSummary summary = reader.readAll(event -> System.out.println(event.testId()));
 * }
 * }</pre>
 */
public final class PacketReader implements AutoCloseable {
    /** The most bytes of a corrupt region kept for its {@code Packet data} event. */
    public static final int MAX_RAW_KEPT = 64 * 1024;
    /** python-subunit hands on non-subunit output in pieces of at most 1 MiB. */
    static final int MAX_INTERLEAVED = 1024 * 1024;

    /**
     * How many bytes a resynchronisation may checksum while trying candidate packets: a fixed
     * allowance plus some for every byte skipped. Each candidate costs up to a whole packet, so
     * without a bound crafted input (a plausible header every few bytes) costs 4 MiB per byte.
     * A damaged stream of real packets needs far less than this.
     */
    private static final long RESYNC_ALLOWANCE = 16L * PacketWriter.MAX_PACKET;

    private static final long RESYNC_ALLOWANCE_PER_BYTE = 256;
    private static final int SIGNATURE = PacketWriter.SIGNATURE;
    private static final int CRC_SIZE = 4;

    private final InputStream in;
    private final String nonSubunitName;
    private final boolean strict;
    private final CRC32 crc = new CRC32();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Utf8Tracker text = new Utf8Tracker();

    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long bufStart; // stream offset of buf[0]
    private boolean endOfInput;
    private long resyncBudget; // bytes the current resynchronisation may still checksum

    private PacketReader(InputStream in, String nonSubunitName, boolean strict) {
        this.in = Objects.requireNonNull(in, "in");
        this.nonSubunitName = Objects.requireNonNull(nonSubunitName, "nonSubunitName");
        this.strict = strict;
    }

    /** A reader that reports corruption as items and carries on; non-subunit bytes are named {@code stdout}. */
    public static PacketReader lenient(InputStream in) {
        return new PacketReader(in, "stdout", false);
    }

    /** A lenient reader that names non-subunit bytes {@code nonSubunitName}. */
    public static PacketReader lenient(InputStream in, String nonSubunitName) {
        return new PacketReader(in, nonSubunitName, false);
    }

    /** A reader that throws {@link SubunitFormatException} at the first bad packet. */
    public static PacketReader strict(InputStream in) {
        return new PacketReader(in, "stdout", true);
    }

    /**
     * True when nothing is buffered and the input has nothing ready, so the next {@link #read()}
     * would wait: the moment for a pipeline to flush what it has written.
     */
    public boolean inputIdle() throws IOException {
        return pos == limit && (endOfInput || in.available() <= 0);
    }

    /** The offset of the next byte to be read. */
    public long offset() {
        return bufStart + pos;
    }

    /**
     * Reads the next item.
     *
     * @return empty at the end of the stream
     * @throws SubunitFormatException in strict mode, at a bad packet
     * @throws IOException if the underlying stream fails
     */
    public Optional<StreamItem> read() throws IOException {
        if (!ensure(1)) {
            return Optional.empty();
        }
        if ((buf[pos] & 0xFF) == SIGNATURE && !text.midCharacter()) {
            return Optional.of(readPacket());
        }
        return Optional.of(readInterleaved());
    }

    /** Reads to the end of the stream, handing every item to {@code sink} as events. */
    public ReadSummary readAll(StreamResult sink) throws IOException {
        long packets = 0;
        long interleaved = 0;
        long corrupt = 0;
        long first = offset();
        for (Optional<StreamItem> next = read(); next.isPresent(); next = read()) {
            StreamItem item = next.get();
            if (item instanceof StreamItem.Packet) {
                packets++;
            } else if (item instanceof StreamItem.Interleaved) {
                interleaved += ((StreamItem.Interleaved) item).bytes().size();
            } else {
                corrupt++;
            }
            item.deliverTo(sink);
        }
        return new ReadSummary(packets, interleaved, corrupt, offset() - first);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---------------------------------------------------------------- interleaved bytes

    private StreamItem readInterleaved() throws IOException {
        long start = offset();
        byte[] gathered = null;
        int gatheredLength = 0;
        int runStart = pos;
        int total = 0;
        while (true) {
            boolean stop = false;
            while (pos < limit) {
                int b = buf[pos] & 0xFF;
                if (b == SIGNATURE && !text.midCharacter()) {
                    stop = true;
                    break;
                }
                text.feed(b);
                pos++;
                if (++total == MAX_INTERLEAVED) {
                    stop = true;
                    break;
                }
            }
            if (stop || in.available() <= 0) {
                break; // emit what we have rather than wait for more (python waits 50 ms at most)
            }
            if (gathered == null) {
                gathered = new byte[Math.min(MAX_INTERLEAVED, Math.max(2 * (pos - runStart), 8192))];
            }
            gathered = append(gathered, gatheredLength, buf, runStart, pos - runStart);
            gatheredLength += pos - runStart;
            if (!fill()) {
                runStart = pos;
                break;
            }
            runStart = pos;
        }
        Bytes bytes;
        if (gathered == null) {
            bytes = Bytes.of(buf, runStart, pos - runStart);
        } else {
            gathered = append(gathered, gatheredLength, buf, runStart, pos - runStart);
            gatheredLength += pos - runStart;
            bytes = Bytes.of(gathered, 0, gatheredLength);
        }
        return new StreamItem.Interleaved(start, bytes, nonSubunitName);
    }

    private static byte[] append(byte[] to, int used, byte[] from, int offset, int length) {
        if (used + length > to.length) {
            to = Arrays.copyOf(to, Math.max(used + length, Math.min(MAX_INTERLEAVED, to.length * 2)));
        }
        System.arraycopy(from, offset, to, used, length);
        return to;
    }

    // ---------------------------------------------------------------- packets

    private StreamItem readPacket() throws IOException {
        long start = offset();
        if (!ensure(4)) {
            return corrupt(start, shortRead(4), 0);
        }
        int width = Varint.widthOf(buf[pos + 3]);
        if (width == 4) {
            return corrupt(start, "3 byte maximum given but 4 byte value found.", 0);
        }
        int header = 3 + width;
        if (!ensure(header)) {
            return corrupt(start, shortRead(header), 0);
        }
        int length = Varint.read(buf, pos + 3);
        if (length < header + CRC_SIZE) {
            return corrupt(
                    start,
                    "packet length " + length + " is shorter than its " + header + "-byte header and " + CRC_SIZE
                            + "-byte checksum",
                    0);
        }
        if (!ensure(length)) {
            return corrupt(start, shortRead(length), 0);
        }
        int flags = ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
        int stored = readInt(pos + length - CRC_SIZE);
        crc.reset();
        crc.update(buf, pos, length - CRC_SIZE);
        int calculated = (int) crc.getValue();
        if (calculated != stored) {
            String reason = String.format(
                    "Bad checksum - calculated (0x%x), stored (0x%x)", calculated & 0xFFFFFFFFL, stored & 0xFFFFFFFFL);
            return corrupt(start, reason, lengthLooksRight(length) ? length : 0);
        }
        if ((flags & PacketFlags.VERSION_MASK) != PacketFlags.VERSION_2) {
            String reason = String.format(
                    "unsupported protocol version %d in flags 0x%04x: expected version 2", flags >>> 12, flags);
            return corrupt(start, reason, length);
        }
        try {
            Event event = decode(flags, pos + header, pos + length - CRC_SIZE);
            pos += length;
            return new StreamItem.Packet(start, length, event);
        } catch (MalformedPacket e) {
            return corrupt(start, e.getMessage(), length);
        }
    }

    private String shortRead(int wanted) {
        return "Short read - got " + (limit - pos) + " bytes, wanted " + wanted
                + " bytes: the stream ends inside a packet";
    }

    /**
     * After a bad checksum: is the packet's own length believable? It is when the stream ends right
     * after it or another packet header follows it, and no whole packet starts inside it. A damaged
     * length can land on a later packet's header by chance; the packets it would swallow are whole.
     */
    private boolean lengthLooksRight(int length) throws IOException {
        if (!ensure(length + 1)) {
            return limit - pos == length && !wholePacketWithin(length);
        }
        if ((buf[pos + length] & 0xFF) != SIGNATURE || !ensure(length + 4)) {
            return false;
        }
        return (buf[pos + length + 1] & 0xF0) == 0x20
                && Varint.widthOf(buf[pos + length + 3]) < 4
                && !wholePacketWithin(length);
    }

    /** Does a whole packet start after the current position and before {@code length}, in the bytes already read? */
    private boolean wholePacketWithin(int length) {
        resyncBudget = RESYNC_ALLOWANCE;
        for (int at = pos + 1; at < pos + length; at++) {
            if ((buf[at] & 0xFF) == SIGNATURE && wholePacketLength(at, limit) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports the bad packet at {@code start} (the current position). With a trusted length the
     * reader skips exactly that packet; otherwise it passes over bytes until a whole packet checks
     * out or the stream ends.
     */
    private StreamItem corrupt(long start, String reason, int trustedLength) throws IOException {
        if (strict) {
            throw new SubunitFormatException(start, reason);
        }
        if (trustedLength > 0) {
            Bytes raw = Bytes.of(buf, pos, Math.min(trustedLength, MAX_RAW_KEPT));
            pos += trustedLength;
            return new StreamItem.Corrupt(start, raw, trustedLength, reason);
        }
        resyncBudget = RESYNC_ALLOWANCE;
        byte[] raw = new byte[256];
        int kept = 0;
        long skipped = 0;
        boolean first = true;
        while (ensure(1)) {
            int next = first ? pos + 1 : indexOfSignature(pos, limit);
            first = false;
            int end = next < 0 ? limit : Math.min(next, limit);
            int keep = Math.min(end - pos, MAX_RAW_KEPT - kept);
            if (keep > 0) {
                raw = append(raw, kept, buf, pos, keep);
                kept += keep;
            }
            skipped += end - pos;
            resyncBudget += RESYNC_ALLOWANCE_PER_BYTE * (end - pos);
            pos = end;
            if (pos < limit && wholePacketAhead()) {
                break;
            }
            if (pos < limit) {
                // a signature byte that starts no valid packet: part of the junk
                if (kept < MAX_RAW_KEPT) {
                    raw = append(raw, kept, buf, pos, 1);
                    kept++;
                }
                skipped++;
                resyncBudget += RESYNC_ALLOWANCE_PER_BYTE;
                pos++;
            }
        }
        String where = ensure(1)
                ? "; skipped " + skipped + " bytes to the next packet at byte " + offset()
                : "; skipped the last " + skipped + " bytes of the stream";
        return new StreamItem.Corrupt(start, Bytes.of(raw, 0, kept), skipped, reason + where);
    }

    private int indexOfSignature(int from, int to) {
        for (int i = from; i < to; i++) {
            if ((buf[i] & 0xFF) == SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    /** Does a whole, well-formed packet start at the current position? Reads ahead, consumes nothing. */
    private boolean wholePacketAhead() throws IOException {
        if (!ensure(4) || (buf[pos + 1] & 0xF0) != 0x20) {
            return false;
        }
        int width = Varint.widthOf(buf[pos + 3]);
        if (width == 4 || !ensure(3 + width)) {
            return false;
        }
        int length = Varint.read(buf, pos + 3);
        return length <= resyncBudget && ensure(length) && wholePacketLength(pos, limit) > 0;
    }

    /**
     * The length of the whole, well-formed packet at {@code at} if it ends by {@code end}, else -1;
     * each candidate checksummed counts against the resynchronisation's budget.
     */
    private int wholePacketLength(int at, int end) {
        if (end - at < 4 || (buf[at + 1] & 0xF0) != 0x20) {
            return -1;
        }
        int width = Varint.widthOf(buf[at + 3]);
        if (width == 4 || end - at < 3 + width) {
            return -1;
        }
        int length = Varint.read(buf, at + 3);
        if (length < 3 + width + CRC_SIZE || length > resyncBudget || end - at < length) {
            return -1;
        }
        resyncBudget -= length;
        crc.reset();
        crc.update(buf, at, length - CRC_SIZE);
        if ((int) crc.getValue() != readInt(at + length - CRC_SIZE)) {
            return -1;
        }
        try {
            decode(((buf[at + 1] & 0xFF) << 8) | (buf[at + 2] & 0xFF), at + 3 + width, at + length - CRC_SIZE);
            return length;
        } catch (MalformedPacket e) {
            return -1;
        }
    }

    /** Decodes the fields between {@code p} and {@code end} (the CRC), in the spec's order. */
    private Event decode(int flags, int p, int end) throws MalformedPacket {
        Cursor c = new Cursor(p, end);
        Instant timestamp = null;
        if ((flags & PacketFlags.TIMESTAMP) != 0) {
            timestamp = readTimestamp(c);
        }
        String testId = (flags & PacketFlags.TEST_ID) != 0 ? readUtf8(c) : null;
        Set<String> tags = Set.of();
        if ((flags & PacketFlags.TAGS) != 0) {
            tags = readTags(c);
        }
        String mime = (flags & PacketFlags.MIME_TYPE) != 0 ? readUtf8(c) : null;
        String fileName = null;
        Bytes fileBytes = null;
        if ((flags & PacketFlags.FILE_CONTENT) != 0) {
            fileName = readUtf8(c);
            int length = readVarint(c);
            if (length > end - c.at) {
                throw new MalformedPacket("File content extends past end of packet: claimed " + length + " bytes, "
                        + (end - c.at) + " available");
            }
            fileBytes = Bytes.of(buf, c.at, length);
            c.at += length;
        }
        String route = (flags & PacketFlags.ROUTE_CODE) != 0 ? readUtf8(c) : null;
        return new Event(
                testId,
                TestStatus.fromCode(flags & PacketFlags.STATUS_MASK),
                tags,
                (flags & PacketFlags.RUNNABLE) != 0,
                fileName,
                fileBytes,
                mime,
                (flags & PacketFlags.EOF) != 0,
                route,
                timestamp);
    }

    private Instant readTimestamp(Cursor c) throws MalformedPacket {
        if (c.end - c.at < 4) {
            throw new MalformedPacket("timestamp at byte " + at(c) + " extends past end of packet");
        }
        long seconds = readInt(c.at) & 0xFFFFFFFFL;
        c.at += 4;
        int nanos = readVarint(c);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private Set<String> readTags(Cursor c) throws MalformedPacket {
        int count = readVarint(c);
        if (count == 1) {
            return Set.of(readUtf8(c));
        }
        if (count > c.end - c.at) {
            throw new MalformedPacket("tag count " + count + " at byte " + at(c) + " exceeds the packet");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            tags.add(readUtf8(c));
        }
        return tags;
    }

    private int readVarint(Cursor c) throws MalformedPacket {
        if (c.at >= c.end || Varint.widthOf(buf[c.at]) > c.end - c.at) {
            throw new MalformedPacket("number at byte " + at(c) + " extends past end of packet");
        }
        int value = Varint.read(buf, c.at);
        c.at += Varint.widthOf(buf[c.at]);
        return value;
    }

    private String readUtf8(Cursor c) throws MalformedPacket {
        long where = at(c);
        int length = readVarint(c);
        int available = c.end - c.at;
        if (length > available) {
            throw new MalformedPacket("UTF8 string at byte " + where + " extends past end of packet: claimed " + length
                    + " bytes, " + available + " available");
        }
        int from = c.at;
        c.at += length;
        int kind = TextBytes.scan(buf, from, length);
        if ((kind & TextBytes.HAS_NUL) != 0) {
            throw new MalformedPacket("UTF8 string at byte " + where + " contains NUL byte");
        }
        if (kind == TextBytes.ASCII) {
            return new String(buf, from, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(buf, from, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPacket("UTF8 string at byte " + where + " is not UTF8");
        }
    }

    private long at(Cursor c) {
        return bufStart + c.at;
    }

    private int readInt(int at) {
        return ((buf[at] & 0xFF) << 24)
                | ((buf[at + 1] & 0xFF) << 16)
                | ((buf[at + 2] & 0xFF) << 8)
                | (buf[at + 3] & 0xFF);
    }

    // ---------------------------------------------------------------- buffer

    /** Makes {@code n} bytes from {@code pos} available; false if the stream ends first. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (endOfInput) {
                return false;
            }
            if (pos + n > buf.length) {
                compact(n);
            }
            if (!fill()) {
                return limit - pos >= n;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front, growing the buffer if one item needs more room. */
    private void compact(int needed) {
        int unread = limit - pos;
        if (needed > buf.length) {
            byte[] bigger = new byte[Math.max(needed, Math.min(buf.length * 2, PacketWriter.MAX_PACKET + 8))];
            System.arraycopy(buf, pos, bigger, 0, unread);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, unread);
        }
        bufStart += pos;
        limit = unread;
        pos = 0;
    }

    /** Reads once into the free end of the buffer; false at end of input. */
    private boolean fill() throws IOException {
        if (limit == buf.length) {
            compact(buf.length == limit - pos ? buf.length + 1 : 0);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** A read position inside one packet's fields. */
    private static final class Cursor {
        int at;
        final int end;

        Cursor(int at, int end) {
            this.at = at;
            this.end = end;
        }
    }

    /** A packet whose checksum is right but whose fields are not: its reason becomes the error message. */
    private static final class MalformedPacket extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedPacket(String reason) {
            super(reason, null, false, false);
        }
    }
}
