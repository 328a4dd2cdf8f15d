package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventArbitraries;
import org.testr4j.subunit.InputShape;
import org.testr4j.subunit.RecordingResult;

class PacketCodecProperties {

    @Property
    void writtenEventsReadBackEqual(@ForAll("eventLists") List<Event> events, @ForAll InputShape shape)
            throws IOException {
        RecordingResult rec = new RecordingResult();

        ReadSummary summary = PacketReader.strict(shape.open(write(events))).readAll(rec);

        assertThat(rec.events()).containsExactlyElementsOf(events);
        assertThat(summary.packets()).isEqualTo(events.size());
    }

    @Property
    void varintsRoundTripAtEveryWidth(@ForAll("varints") int value) {
        byte[] out = new byte[4];

        int end = Varint.write(value, out, 0);

        assertThat(end).isEqualTo(Varint.size(value)).isEqualTo(Varint.widthOf(out[0]));
        assertThat(Varint.read(out, 0)).isEqualTo(value);
    }

    @Property
    void arbitraryBytesAreConsumedCompletely(@ForAll @Size(max = 3000) byte[] input, @ForAll InputShape shape)
            throws IOException {
        List<StreamItem> items = readItems(shape, input);

        assertWithinInput(items, input.length);
    }

    @Property
    void packetsAmongJunkAreConsumedCompletely(@ForAll("junkAndPackets") byte[] input, @ForAll InputShape shape)
            throws IOException {
        List<StreamItem> items = readItems(shape, input);

        assertWithinInput(items, input.length);
    }

    @Property
    void strictReaderThrowsOnlyFormatExceptions(@ForAll("junkAndPackets") byte[] input) throws IOException {
        try {
            PacketReader.strict(InputShape.WHOLE.open(input)).readAll(new RecordingResult());
        } catch (SubunitFormatException e) {
            assertThat(e.offset()).isBetween(0L, (long) input.length - 1);
            assertThat(e.getMessage()).startsWith("packet at byte " + e.offset() + ": ");
        }
    }

    /**
     * A damaged stream loses at most its damaged packets, except where python-subunit's rule makes a
     * signature text: a packet whose 0xB3 continues a UTF-8 character in preceding non-subunit bytes.
     */
    @Property
    void mutatedStreamsLoseOnlyTheDamagedPackets(
            @ForAll("eventLists") List<Event> events,
            @ForAll("mutationLists") List<Mutation> mutations,
            @ForAll InputShape shape)
            throws IOException {
        Damaged stream = Damaged.of(events, mutations);

        List<StreamItem> items = readItems(shape, stream.bytes);

        assertWithinInput(items, stream.bytes.length);
        Map<Long, StreamItem> byOffset = new HashMap<>();
        for (StreamItem item : items) {
            byOffset.put(item.offset(), item);
        }
        for (int k = 0; k < events.size(); k++) {
            if (stream.damaged[k]) {
                continue;
            }
            long at = stream.offsets[k];
            StreamItem item = byOffset.get(at);
            if (item instanceof StreamItem.Packet) {
                assertThat(((StreamItem.Packet) item).event()).isEqualTo(events.get(k));
            } else {
                assertThat(signatureReadAsText(items, stream.bytes, at))
                        .as("undamaged packet %d at byte %d is lost; items %s", k, at, items)
                        .isTrue();
            }
        }
    }

    @Property
    void eventsDoNotDependOnHowInputArrives(
            @ForAll("eventLists") List<Event> events,
            @ForAll("mutationLists") List<Mutation> mutations,
            @ForAll InputShape shape)
            throws IOException {
        byte[] input = Damaged.of(events, mutations).bytes;

        List<Event> whole = readEvents(InputShape.WHOLE, input);
        List<Event> shaped = readEvents(shape, input);

        assertThat(InputShape.joinOutput(shaped)).containsExactlyElementsOf(InputShape.joinOutput(whole));
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Event>> eventLists() {
        return EventArbitraries.events().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Integer> varints() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 63, 64, 16383, 16384, 4194303, 4194304, Varint.MAX_4),
                Arbitraries.integers().between(0, Varint.MAX_4));
    }

    @Provide
    Arbitrary<byte[]> junkAndPackets() {
        Arbitrary<byte[]> packet = EventArbitraries.events().map(PacketWriter::toBytes);
        Arbitrary<byte[]> junk = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> header = Arbitraries.of(
                new byte[] {(byte) 0xB3},
                new byte[] {(byte) 0xB3, 0x20, 0x00},
                new byte[] {(byte) 0xB3, 0x29, 0x01, (byte) 0xBF, (byte) 0xFF, (byte) 0xFF},
                new byte[] {(byte) 0xB3, 0x20, 0x00, (byte) 0xC0},
                new byte[] {(byte) 0xC2},
                new byte[] {(byte) 0xED, (byte) 0xA0});
        return Arbitraries.oneOf(packet, junk, header).list().ofMaxSize(12).map(PacketCodecProperties::concat);
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        Arbitrary<Mutation> one = Combinators.combine(
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.of(Mutation.Kind.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.bytes())
                .as(Mutation::new);
        return one.list().ofMaxSize(4);
    }

    // ---------------------------------------------------------------- checks

    private static void assertWithinInput(List<StreamItem> items, int length) {
        long expected = 0;
        for (StreamItem item : items) {
            assertThat(item.offset()).as("item %s", item).isEqualTo(expected);
            expected += size(item);
        }
        assertThat(expected).as("bytes consumed").isEqualTo(length);
    }

    private static long size(StreamItem item) {
        if (item instanceof StreamItem.Packet) {
            return ((StreamItem.Packet) item).length();
        }
        if (item instanceof StreamItem.Interleaved) {
            return ((StreamItem.Interleaved) item).bytes().size();
        }
        return ((StreamItem.Corrupt) item).skipped();
    }

    /** Was the byte at {@code at} handed on as text while python's decoder was inside a character? */
    private static boolean signatureReadAsText(List<StreamItem> items, byte[] input, long at) {
        Utf8Tracker replay = new Utf8Tracker();
        for (StreamItem item : items) {
            if (!(item instanceof StreamItem.Interleaved)) {
                continue;
            }
            Bytes text = ((StreamItem.Interleaved) item).bytes();
            for (int i = 0; i < text.size(); i++) {
                if (item.offset() + i == at) {
                    return replay.midCharacter() && (input[(int) at] & 0xFF) == 0xB3;
                }
                replay.feed(text.get(i) & 0xFF);
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- plumbing

    private static List<StreamItem> readItems(InputShape shape, byte[] input) throws IOException {
        PacketReader reader = PacketReader.lenient(shape.open(input));
        List<StreamItem> items = new ArrayList<>();
        for (Optional<StreamItem> next = reader.read(); next.isPresent(); next = reader.read()) {
            items.add(next.get());
        }
        return items;
    }

    private static List<Event> readEvents(InputShape shape, byte[] input) throws IOException {
        RecordingResult rec = new RecordingResult();
        PacketReader.lenient(shape.open(input)).readAll(rec);
        return rec.events();
    }

    private static byte[] write(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PacketWriter writer = PacketWriter.to(out)) {
            events.forEach(writer::status);
        }
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(p -> out.write(p, 0, p.length));
        return out.toByteArray();
    }

    /** One change to a good stream, aimed at packet {@code packet} (modulo the packet count). */
    record Mutation(int packet, Kind kind, int position, byte value) {
        enum Kind {
            FLIP,
            INSERT,
            DELETE,
            /** A byte of non-subunit output just before the packet: damages nothing. */
            NOISE_BEFORE
        }
    }

    /** A stream of packets, some damaged, with where each packet begins. */
    private static final class Damaged {
        final byte[] bytes;
        final long[] offsets;
        final boolean[] damaged;

        private Damaged(byte[] bytes, long[] offsets, boolean[] damaged) {
            this.bytes = bytes;
            this.offsets = offsets;
            this.damaged = damaged;
        }

        static Damaged of(List<Event> events, List<Mutation> mutations) {
            int n = events.size();
            List<byte[]> packets = new ArrayList<>();
            List<ByteArrayOutputStream> before = new ArrayList<>();
            for (Event e : events) {
                packets.add(PacketWriter.toBytes(e));
                before.add(new ByteArrayOutputStream());
            }
            boolean[] damaged = new boolean[n];
            for (Mutation m : mutations) {
                int k = m.packet() % n;
                byte[] p = packets.get(k);
                int i = m.position() % p.length;
                switch (m.kind()) {
                    case FLIP:
                        p[i] ^= m.value() == 0 ? 1 : m.value();
                        damaged[k] = true;
                        break;
                    case INSERT:
                        byte[] longer = new byte[p.length + 1];
                        System.arraycopy(p, 0, longer, 0, i);
                        longer[i] = m.value();
                        System.arraycopy(p, i, longer, i + 1, p.length - i);
                        packets.set(k, longer);
                        damaged[k] = true;
                        break;
                    case DELETE:
                        byte[] shorter = new byte[p.length - 1];
                        System.arraycopy(p, 0, shorter, 0, i);
                        System.arraycopy(p, i + 1, shorter, i, p.length - i - 1);
                        packets.set(k, shorter);
                        damaged[k] = true;
                        break;
                    default:
                        before.get(k).write(m.value());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long[] offsets = new long[n];
            for (int k = 0; k < n; k++) {
                byte[] noise = before.get(k).toByteArray();
                out.write(noise, 0, noise.length);
                offsets[k] = out.size();
                byte[] p = packets.get(k);
                out.write(p, 0, p.length);
            }
            return new Damaged(out.toByteArray(), offsets, damaged);
        }
    }
}
