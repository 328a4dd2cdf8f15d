package org.testr4j.subunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.v2.PacketWriter;

class StreamFormatTest {
    private static final byte[] PACKET =
            PacketWriter.toBytes(Event.test("foo").status(TestStatus.EXISTS).build());

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStreamStartingWithThePacketSignatureIsV2() throws IOException {
        assertThat(StreamFormat.detect(new BufferedInputStream(new ByteArrayInputStream(PACKET))))
                .isEqualTo(StreamFormat.V2);
    }

    @Test
    void textIsV1() throws IOException {
        assertThat(StreamFormat.detect(new BufferedInputStream(new ByteArrayInputStream(ascii("test: foo\n")))))
                .isEqualTo(StreamFormat.V1);
    }

    @Test
    void outputFollowedByAWholePacketIsV2() throws IOException {
        byte[] stream = concat(ascii("build banner ³\n"), PACKET);

        assertThat(StreamFormat.detect(new BufferedInputStream(new ByteArrayInputStream(stream))))
                .isEqualTo(StreamFormat.V2);
    }

    @Test
    void textHoldingTheSignatureByteButNoPacketIsV1() throws IOException {
        byte[] stream = concat(ascii("test: x\n"), new byte[] {(byte) 0xB3, 0x20, 0x01, 0x10}, ascii("\n"));

        assertThat(StreamFormat.detect(new BufferedInputStream(new ByteArrayInputStream(stream))))
                .isEqualTo(StreamFormat.V1);
    }

    @Test
    void anEmptyStreamIsV2() throws IOException {
        assertThat(StreamFormat.detect(new BufferedInputStream(InputStream.nullInputStream())))
                .isEqualTo(StreamFormat.V2);
    }

    @Test
    void detectionLeavesTheStreamWhereItWas() throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(ascii("test: foo\n")));

        StreamFormat.detect(in);

        assertThat(in.readAllBytes()).isEqualTo(ascii("test: foo\n"));
    }

    @Test
    void detectionNeedsMarkAndReset() {
        assertThatThrownBy(() -> StreamFormat.detect(InputStream.nullInputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mark and reset");
    }

    @Test
    void aSubunitReaderGivesTheSameEventsForAV1StreamAndItsV2Conversion() throws IOException {
        byte[] v1 = ascii("time: 2024-01-02 03:04:05Z\ntest: a\nfailure: a [\nboom\n]\n");
        List<Event> fromV1 = new ArrayList<>();
        List<Event> fromV2 = new ArrayList<>();
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();

        try (SubunitReader reader = SubunitReader.lenient(new ByteArrayInputStream(v1))) {
            assertThat(reader.format()).isEqualTo(StreamFormat.V1);
            reader.readAll(e -> {
                fromV1.add(e);
                v2.writeBytes(PacketWriter.toBytes(e));
            });
        }
        try (SubunitReader reader = SubunitReader.lenient(new ByteArrayInputStream(v2.toByteArray()))) {
            assertThat(reader.format()).isEqualTo(StreamFormat.V2);
            reader.readAll(fromV2::add);
        }

        assertThat(fromV2).isEqualTo(fromV1).hasSize(3);
    }
}
