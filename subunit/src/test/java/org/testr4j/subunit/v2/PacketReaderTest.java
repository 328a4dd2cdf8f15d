package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.InputShape;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.TestStatus;

/** Every case reads its input whole, one byte at a time, and in random chunks. */
class PacketReaderTest {
    private static final byte[] A =
            PacketWriter.toBytes(Event.test("pkg.a").status(SUCCESS).build());
    private static final byte[] B =
            PacketWriter.toBytes(Event.test("pkg.b").status(SUCCESS).build());
    private static final byte[] C =
            PacketWriter.toBytes(Event.test("pkg.c").status(SUCCESS).build());

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void readsPacketsWithTheirOffsets(InputShape shape) throws IOException {
        List<String> items = describe(shape, concat(A, B, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success", "packet@14+14 pkg.b success", "packet@28+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void badChecksumCostsOnePacket(InputShape shape) throws IOException {
        byte[] bad = B.clone();
        bad[bad.length - 1] ^= 0xFF;

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 14: Bad checksum - calculated (0xd6b2c589), stored (0xd6b2c576)",
                        "packet@28+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void badBodyCostsOnePacket(InputShape shape) throws IOException {
        byte[] bad = B.clone();
        bad[8] = 'X';

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).startsWith("corrupt@14 skipped 14: Bad checksum");
        assertThat(items.get(2)).isEqualTo("packet@28+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void aDamagedLengthThatLandsOnALaterHeaderDoesNotSwallowTheWholePacketsBetween(InputShape shape)
            throws IOException {
        byte[] bad = A.clone();
        bad[3] = (byte) (A.length + B.length); // now ends where C starts: a believable header follows

        List<String> items = describe(shape, concat(bad, B, C));

        assertThat(items).hasSize(3);
        assertThat(items.get(0)).startsWith("corrupt@0 skipped 14: Bad checksum");
        assertThat(items.get(1)).isEqualTo("packet@14+14 pkg.b success");
        assertThat(items.get(2)).isEqualTo("packet@28+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void truncatedStreamKeepsEveryPacketBeforeTheCut(InputShape shape) throws IOException {
        List<String> items = describe(shape, concat(A, B, Arrays.copyOf(C, 9)));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "packet@14+14 pkg.b success",
                        "corrupt@28 skipped 9: Short read - got 9 bytes, wanted 14 bytes: the stream ends inside a"
                                + " packet; skipped the last 9 bytes of the stream");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void streamEndingInTheHeaderIsAShortRead(InputShape shape) throws IOException {
        List<String> items = describe(shape, concat(A, new byte[] {(byte) 0xB3, 0x29}));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 2: Short read - got 2 bytes, wanted 4 bytes: the stream ends inside a"
                                + " packet; skipped the last 2 bytes of the stream");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void fourByteLengthIsRefusedAndSkipped(InputShape shape) throws IOException {
        byte[] header = HexFormat.of().parseHex("b32000c0ffffff");

        List<String> items = describe(shape, concat(A, header, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 7: 3 byte maximum given but 4 byte value found.; skipped 7 bytes to the"
                                + " next packet at byte 21",
                        "packet@21+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void lengthShorterThanTheHeaderIsRefusedAndSkipped(InputShape shape) throws IOException {
        byte[] header = HexFormat.of().parseHex("b3200003");

        List<String> items = describe(shape, concat(A, header, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 4: packet length 3 is shorter than its 4-byte header and 4-byte checksum;"
                                + " skipped 4 bytes to the next packet at byte 18",
                        "packet@18+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void hugeLengthDoesNotSwallowTheStream(InputShape shape) throws IOException {
        byte[] header = HexFormat.of().parseHex("b32000bfffff");

        List<String> items = describe(shape, concat(A, header, B, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 6: Short read - got 34 bytes, wanted 4194303 bytes: the stream ends inside"
                                + " a packet; skipped 6 bytes to the next packet at byte 20",
                        "packet@20+14 pkg.b success",
                        "packet@34+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void stringPastTheEndOfThePacket(InputShape shape) throws IOException {
        // test id flag, a test id claiming 9 bytes with 3 present
        byte[] bad = packet(0x2800, "09666f6f");

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items)
                .containsExactly(
                        "packet@0+14 pkg.a success",
                        "corrupt@14 skipped 12: UTF8 string at byte 18 extends past end of packet: claimed 9 bytes, 3"
                                + " available",
                        "packet@26+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void nulInAString(InputShape shape) throws IOException {
        byte[] bad = packet(0x2800, "03660066");

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items.get(1)).isEqualTo("corrupt@14 skipped 12: UTF8 string at byte 18 contains NUL byte");
        assertThat(items.get(2)).isEqualTo("packet@26+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void badUtf8InAString(InputShape shape) throws IOException {
        byte[] bad = packet(0x2800, "0266ff");

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items.get(1)).isEqualTo("corrupt@14 skipped 11: UTF8 string at byte 18 is not UTF8");
        assertThat(items.get(2)).isEqualTo("packet@25+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void fileContentPastTheEndOfThePacket(InputShape shape) throws IOException {
        // file flag: name "f", content claiming 50 bytes with 2 present
        byte[] bad = packet(0x2040, "0166" + "32" + "6869");

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items.get(1))
                .isEqualTo("corrupt@14 skipped 13: File content extends past end of packet: claimed 50 bytes, 2"
                        + " available");
        assertThat(items.get(2)).isEqualTo("packet@27+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void unknownVersion(InputShape shape) throws IOException {
        byte[] bad = packet(0x3801, "03666f6f");

        List<String> items = describe(shape, concat(A, bad, C));

        assertThat(items.get(1))
                .isEqualTo("corrupt@14 skipped 12: unsupported protocol version 3 in flags 0x3801: expected version 2");
        assertThat(items.get(2)).isEqualTo("packet@26+14 pkg.c success");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void aLoneSignatureInTextCostsNoPacket(InputShape shape) throws IOException {
        // python-subunit reads "\xb3b\n" and the next packet's head as a packet header and loses the rest
        byte[] text = "a\u00b3b\n".getBytes(StandardCharsets.ISO_8859_1);

        List<String> items = InputShape.WHOLE == shape ? describe(shape, concat(A, text, B)) : null;
        List<Event> events = events(shape, concat(A, text, B));

        if (items != null) {
            assertThat(items)
                    .containsExactly(
                            "packet@0+14 pkg.a success",
                            "text@14 61",
                            "corrupt@15 skipped 3: Short read - got 17 bytes, wanted 3352835 bytes: the stream ends"
                                    + " inside a packet; skipped 3 bytes to the next packet at byte 18",
                            "packet@18+14 pkg.b success");
        }
        assertThat(events).extracting(Event::testId).contains("pkg.a", "pkg.b");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void superscriptThreeInTextIsNotASignature(InputShape shape) throws IOException {
        byte[] text = "2\u00b3\n".getBytes(StandardCharsets.UTF_8);

        List<Event> events = InputShape.joinOutput(events(shape, concat(A, text, B)));

        assertThat(events)
                .containsExactly(
                        Event.test("pkg.a").status(SUCCESS).build(),
                        Event.builder().file("stdout", Bytes.of(text)).build(),
                        Event.test("pkg.b").status(SUCCESS).build());
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void textIsNamedAsTheCallerChooses(InputShape shape) throws IOException {
        RecordingResult rec = new RecordingResult();

        PacketReader.lenient(shape.open(concat("hello\n".getBytes(StandardCharsets.US_ASCII), A)), "build-log")
                .readAll(rec);

        assertThat(InputShape.joinOutput(rec.events()))
                .containsExactly(
                        Event.builder().file("build-log", Bytes.utf8("hello\n")).build(),
                        Event.test("pkg.a").status(SUCCESS).build());
    }

    /**
     * Crafted input: a plausible 4 MiB header every 16 bytes. Each candidate costs a 4 MiB checksum,
     * so an unbounded resync does 4 MiB of work per byte (about a minute here, hours for 20 MiB).
     */
    @ParameterizedTest
    @EnumSource(InputShape.class)
    void plausibleHeadersEveryFewBytesDoNotStallTheResync(InputShape shape) throws IOException {
        byte[] junk = new byte[6 * 1024 * 1024];
        for (int i = 0; i + 6 < junk.length; i += 16) {
            junk[i] = (byte) 0xB3;
            junk[i + 1] = 0x20;
            junk[i + 3] = (byte) 0xBF;
            junk[i + 4] = (byte) 0xFF;
            junk[i + 5] = (byte) 0xF0;
        }
        RecordingResult rec = new RecordingResult();

        ReadSummary summary = PacketReader.lenient(shape.open(concat(junk, A))).readAll(rec);

        assertThat(summary.packets()).isEqualTo(1);
        assertThat(summary.bytes()).isEqualTo(junk.length + A.length);
        assertThat(rec.events())
                .last()
                .isEqualTo(Event.test("pkg.a").status(SUCCESS).build());
    }

    @Test
    void textComesInPiecesOfAtMostOneMebibyte() throws IOException {
        byte[] text = new byte[PacketReader.MAX_INTERLEAVED + 10];
        Arrays.fill(text, (byte) 'x');
        RecordingResult rec = new RecordingResult();

        PacketReader.lenient(new ByteArrayInputStream(text)).readAll(rec);

        assertThat(rec.events()).extracting(e -> e.fileBytes().size()).containsExactly(1024 * 1024, 10);
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void corruptionIsDeliveredAsPythonsParserEvents(InputShape shape) throws IOException {
        byte[] bad = B.clone();
        bad[bad.length - 1] ^= 0xFF;
        RecordingResult rec = new RecordingResult();

        ReadSummary summary = PacketReader.lenient(shape.open(concat(A, bad))).readAll(rec);

        assertThat(rec.events())
                .containsExactly(
                        Event.test("pkg.a").status(SUCCESS).build(),
                        Event.test("subunit.parser")
                                .file("Packet data", Bytes.of(bad))
                                .mimeType("application/octet-stream")
                                .eof(true)
                                .build(),
                        Event.test("subunit.parser")
                                .status(TestStatus.FAIL)
                                .file(
                                        "Parser Error",
                                        Bytes.utf8("packet at byte 14: Bad checksum - calculated (0xd6b2c589), stored"
                                                + " (0xd6b2c576)"))
                                .mimeType("text/plain;charset=utf8")
                                .eof(true)
                                .build());
        assertThat(summary).isEqualTo(new ReadSummary(1, 0, 1, 28));
        assertThat(summary.clean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void emptyInputHasNoItems(InputShape shape) throws IOException {
        PacketReader reader = PacketReader.lenient(shape.open(new byte[0]));

        assertThat(reader.read()).isEmpty();
        assertThat(reader.read()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void strictReaderThrowsWithOffsetAndReason(InputShape shape) {
        byte[] bad = B.clone();
        bad[bad.length - 1] ^= 0xFF;

        assertThatThrownBy(
                        () -> PacketReader.strict(shape.open(concat(A, bad, C))).readAll(new RecordingResult()))
                .isInstanceOfSatisfying(SubunitFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(14);
                    assertThat(e.reason()).isEqualTo("Bad checksum - calculated (0xd6b2c589), stored (0xd6b2c576)");
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "packet at byte 14: Bad checksum - calculated (0xd6b2c589), stored (0xd6b2c576)");
                });
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void strictReaderThrowsAtTruncation(InputShape shape) {
        byte[] input = concat(A, Arrays.copyOf(B, 5));

        assertThatThrownBy(() -> PacketReader.strict(shape.open(input)).readAll(new RecordingResult()))
                .isInstanceOfSatisfying(SubunitFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(14);
                    assertThat(e.reason()).startsWith("Short read - got 5 bytes, wanted 14 bytes");
                });
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void strictReaderAcceptsText(InputShape shape) throws IOException {
        RecordingResult rec = new RecordingResult();

        PacketReader.strict(shape.open(concat("hi".getBytes(StandardCharsets.US_ASCII), A)))
                .readAll(rec);

        assertThat(InputShape.joinOutput(rec.events()))
                .containsExactly(
                        Event.builder().file("stdout", Bytes.utf8("hi")).build(),
                        Event.test("pkg.a").status(SUCCESS).build());
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void existsPacketFromTheSpecReads(InputShape shape) throws IOException {
        RecordingResult rec = new RecordingResult();

        PacketReader.strict(shape.open(HexFormat.of().parseHex("b329010c03666f6f08555f1b")))
                .readAll(rec);

        assertThat(rec.events())
                .containsExactly(Event.test("foo").status(EXISTS).build());
    }

    // ---------------------------------------------------------------- helpers

    /** A packet with {@code flags} and body {@code bodyHex}, with a correct length and CRC. */
    static byte[] packet(int flags, String bodyHex) {
        byte[] body = HexFormat.of().parseHex(bodyHex);
        int length = 1 + 2 + 1 + body.length + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xB3);
        out.write(flags >>> 8);
        out.write(flags & 0xFF);
        out.write(length);
        out.write(body, 0, body.length);
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        long sum = crc.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (sum >>> shift) & 0xFF);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static List<Event> events(InputShape shape, byte[] input) throws IOException {
        RecordingResult rec = new RecordingResult();
        PacketReader.lenient(shape.open(input)).readAll(rec);
        return rec.events();
    }

    /** Each item as one line; adjacent text items (split by short reads) are joined. */
    private static List<String> describe(InputShape shape, byte[] input) throws IOException {
        PacketReader reader = PacketReader.lenient(shape.open(input));
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long textAt = -1;
        for (Optional<StreamItem> next = reader.read(); next.isPresent(); next = reader.read()) {
            StreamItem item = next.get();
            if (item instanceof StreamItem.Interleaved) {
                if (textAt < 0) {
                    textAt = item.offset();
                }
                ((StreamItem.Interleaved) item).bytes().writeTo(text);
                continue;
            }
            if (textAt >= 0) {
                out.add("text@" + textAt + " " + HexFormat.of().formatHex(text.toByteArray()));
                text.reset();
                textAt = -1;
            }
            if (item instanceof StreamItem.Packet) {
                StreamItem.Packet p = (StreamItem.Packet) item;
                out.add("packet@" + p.offset() + "+" + p.length() + " "
                        + p.event().testId() + " " + p.event().status().wireName());
            } else {
                StreamItem.Corrupt c = (StreamItem.Corrupt) item;
                out.add("corrupt@" + c.offset() + " skipped " + c.skipped() + ": " + c.reason());
            }
        }
        if (textAt >= 0) {
            out.add("text@" + textAt + " " + HexFormat.of().formatHex(text.toByteArray()));
        }
        return out;
    }
}
