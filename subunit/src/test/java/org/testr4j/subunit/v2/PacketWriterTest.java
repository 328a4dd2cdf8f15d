package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;

class PacketWriterTest {

    private static String hex(Event e) {
        return HexFormat.of().formatHex(PacketWriter.toBytes(e));
    }

    /** The constants come from python-subunit's StreamResultToBytes for the same calls. */
    @Nested
    class SpecExamples {
        @Test
        void exists() {
            assertThat(hex(Event.test("foo").status(EXISTS).build())).isEqualTo("b329010c03666f6f08555f1b");
        }

        @Test
        void notRunnable() {
            assertThat(hex(Event.test("foo").status(IN_PROGRESS).runnable(false).build()))
                    .isEqualTo("b328020c03666f6f28b62601");
        }

        @Test
        void tags() {
            assertThat(hex(Event.test("foo").status(SUCCESS).tags("a").build()))
                    .isEqualTo("b329830f03666f6f0101612d5054f9");
        }

        @Test
        void globalFileWithMimeAndEof() {
            Event e = Event.builder()
                    .file("stdout", Bytes.utf8("hi"))
                    .mimeType("text/plain")
                    .eof(true)
                    .build();

            assertThat(hex(e)).isEqualTo("b321701d0a746578742f706c61696e067374646f75740268691f754e6f");
        }

        @Test
        void routeCode() {
            assertThat(hex(Event.test("foo").status(FAIL).routeCode("0/1").build()))
                    .isEqualTo("b32d061003666f6f03302f316546ec9b");
        }

        @Test
        void timestampWithMicroseconds() {
            Instant t = Instant.parse("2001-12-12T12:59:59.000045Z");

            assertThat(hex(Event.test("foo").timestamp(t).build())).isEqualTo("b32b00133c1754cf80afc803666f6f0ed0bb68");
        }

        @Test
        void emptyMimeTypeIsLeftOutAsPythonDoes() {
            Event withEmpty = Event.test("foo").status(EXISTS).mimeType("").build();

            assertThat(hex(withEmpty)).isEqualTo("b329010c03666f6f08555f1b");
        }
    }

    /** python-subunit's "volatile length": the length field counts its own bytes, so it can grow. */
    @Nested
    class LengthField {
        @ParameterizedTest(name = "{0} content bytes -> packet of {1}, length field {2}")
        @CsvSource({
            "52, 63, 3f",
            "53, 65, 4041",
            "16370, 16383, 7fff",
            "16371, 16385, 804001",
            "4194288, 4194303, bfffff",
        })
        void growsAcrossEachWidth(int content, int packetLength, String lengthField) {
            Event e = Event.builder().file("f", Bytes.of(new byte[content])).build();

            byte[] packet = PacketWriter.toBytes(e);

            assertThat(packet).hasSize(packetLength);
            assertThat(HexFormat.of().formatHex(packet, 3, 3 + lengthField.length() / 2))
                    .isEqualTo(lengthField);
        }

        @Test
        void noPacketIsEver64Or16384BytesLong() {
            List<Integer> lengths = new ArrayList<>();
            for (int content = 40; content < 60; content++) {
                lengths.add(PacketWriter.toBytes(Event.builder()
                                .file("f", Bytes.of(new byte[content]))
                                .build())
                        .length);
            }
            for (int content = 16360; content < 16380; content++) {
                lengths.add(PacketWriter.toBytes(Event.builder()
                                .file("f", Bytes.of(new byte[content]))
                                .build())
                        .length);
            }

            assertThat(lengths).doesNotContain(64, 16384).contains(63, 65, 16383, 16385);
        }
    }

    @Nested
    class Chunking {
        @Test
        void largestSinglePacketIsNotSplit() throws IOException {
            // python-subunit writes this event as one 4194303-byte packet and refuses one byte more.
            Event e = Event.test("t").file("f", Bytes.of(new byte[4194286])).build();

            List<Integer> lengths = packetLengths(PacketWriter.toBytes(e));

            assertThat(lengths).containsExactly(4194303);
        }

        @Test
        void oneByteMoreSplitsIntoTwoPackets() throws IOException {
            Event e = Event.test("t").file("f", Bytes.of(new byte[4194287])).build();

            List<Integer> lengths = packetLengths(PacketWriter.toBytes(e));

            assertThat(lengths).hasSize(2).allMatch(n -> n <= PacketWriter.MAX_PACKET);
        }

        @Test
        void bigFileIsSplitWithMimeFirstAndStatusTagsEofLast() throws IOException {
            byte[] content = new byte[10 * 1024 * 1024 + 17];
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) (i % 251);
            }
            Instant t = Instant.parse("2024-02-29T23:59:58.123456Z");
            Event e = Event.test("pkg.T.big")
                    .status(FAIL)
                    .tags("worker-1")
                    .file("log", Bytes.of(content))
                    .mimeType("text/plain")
                    .eof(true)
                    .routeCode("0/1")
                    .timestamp(t)
                    .build();

            byte[] bytes = PacketWriter.toBytes(e);
            RecordingResult rec = new RecordingResult();
            PacketReader.strict(new ByteArrayInputStream(bytes)).readAll(rec);

            assertThat(packetLengths(bytes)).hasSize(3).allMatch(n -> n <= PacketWriter.MAX_PACKET);
            List<Event> chunks = rec.events();
            assertThat(chunks).hasSize(3).allSatisfy(c -> {
                assertThat(c.testId()).isEqualTo("pkg.T.big");
                assertThat(c.fileName()).isEqualTo("log");
                assertThat(c.routeCode()).isEqualTo("0/1");
                assertThat(c.timestamp()).isEqualTo(t);
            });
            assertThat(chunks).extracting(Event::mimeType).containsExactly("text/plain", null, null);
            assertThat(chunks).extracting(Event::eof).containsExactly(false, false, true);
            assertThat(chunks)
                    .extracting(Event::status)
                    .containsExactly(org.testr4j.subunit.TestStatus.NONE, org.testr4j.subunit.TestStatus.NONE, FAIL);
            assertThat(chunks.get(2).tags()).containsExactly("worker-1");
            assertThat(chunks.get(0).tags()).isEmpty();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (Event c : chunks) {
                c.fileBytes().writeTo(joined);
            }
            assertThat(joined.toByteArray()).isEqualTo(content);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"test id", "route code", "tag"})
        void fieldsTooLargeForAnyPacketAreRefusedWithAMessage(String field) {
            String huge = "x".repeat(PacketWriter.MAX_PACKET);
            Event.Builder b = Event.test("t").file("f", Bytes.utf8("content"));
            switch (field) {
                case "test id":
                    b.testId(huge);
                    break;
                case "route code":
                    b.routeCode(huge);
                    break;
                default:
                    b.tags(huge);
            }
            Event e = b.build();

            assertThatThrownBy(() -> PacketWriter.toBytes(e))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4194303");
        }

        @Test
        void hugeTestIdWithoutFileIsRefusedWithAMessage() {
            Event e = Event.test("x".repeat(PacketWriter.MAX_PACKET))
                    .status(SUCCESS)
                    .build();

            assertThatThrownBy(() -> PacketWriter.toBytes(e))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4194303");
        }
    }

    @Test
    void timestampBefore1970IsRefused() {
        Event e =
                Event.test("t").timestamp(Instant.parse("1969-12-31T23:59:59Z")).build();

        assertThatThrownBy(() -> PacketWriter.toBytes(e))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1970");
    }

    @Test
    void nanosecondsAreKept() throws IOException {
        Event e = Event.test("t").timestamp(Instant.ofEpochSecond(5, 123456789)).build();
        RecordingResult rec = new RecordingResult();

        PacketReader.strict(new ByteArrayInputStream(PacketWriter.toBytes(e))).readAll(rec);

        assertThat(rec.events()).containsExactly(e);
    }

    @Test
    void liveWriterFlushesEveryPacket() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter writer = PacketWriter.live(out);

        writer.status(Event.test("foo").status(EXISTS).build());

        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo("b329010c03666f6f08555f1b");
    }

    @Test
    void gatheringWriterWritesOnFlush() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter writer = PacketWriter.to(out);

        writer.status(Event.test("foo").status(EXISTS).build());
        int before = out.size();
        writer.flush();

        assertThat(before).isZero();
        assertThat(out.size()).isEqualTo(12);
    }

    /** The length of each packet in a well-formed stream, read from the packets' own length fields. */
    static List<Integer> packetLengths(byte[] stream) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < stream.length; ) {
            assertThat(stream[at] & 0xFF).as("signature at %d", at).isEqualTo(0xB3);
            int length = Varint.read(stream, at + 3);
            lengths.add(length);
            at += length;
        }
        return lengths;
    }
}
