package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.PythonOracle.PYTHON;
import static org.testr4j.subunit.PythonOracle.benchDir;
import static org.testr4j.subunit.PythonOracle.python;
import static org.testr4j.subunit.PythonOracle.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventText;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.TestStatus;

/** Our codec against python-subunit and its tools, in both directions and on corrupt input. */
class PythonInteropIT {
    private static final String[] TOOLS = {"subunit-ls", "subunit-stats", "subunit-2to1"};

    @TempDir
    Path dir;

    @BeforeAll
    static void oraclesPresent() {
        PythonOracle.require(TOOLS);
    }

    static Stream<String> pythonStreams() {
        return Stream.of(
                "gen_stream.py 300 --seed 1",
                "gen_stream.py 300 --seed 2 --fail-pct 40 --skip-pct 30",
                "gen_stream.py 200 --seed 3 --no-route",
                "gen_stream.py 200 --seed 4 --routes 7 --prefix pkg.\u00fcn\u00ef",
                "gen_exact.py");
    }

    // ---------------------------------------------------------------- (a) python writes, we read

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonStreams")
    void pythonStreamsReadAsPythonReadsThem(String generator) throws IOException {
        Path stream = generate(generator);

        List<Event> ours = read(stream);

        assertThat(ours).containsExactlyElementsOf(pythonEvents(stream));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonStreams")
    void pythonStreamsWriteBackByteForByte(String generator) throws IOException {
        Path stream = generate(generator);
        Path ours = dir.resolve("ours.subunit");

        write(read(stream), ours);

        assertThat(Files.mismatch(stream, ours)).as("first differing byte").isEqualTo(-1L);
        assertThat(eventsEqual(stream, ours)).isEqualTo(0);
    }

    /**
     * Random non-subunit bytes between packets, heavy in UTF-8 lead and continuation bytes: where
     * neither side reports corruption, we hand on exactly the text and packets python does.
     */
    @Test
    void noisyStreamsReadAsPythonReadsThem() throws IOException {
        int[] alphabet = {0x41, 0x0A, 0x80, 0x82, 0x9F, 0xA0, 0xB3, 0xBF, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xFF
        };
        List<Event> run = sampleRun();
        java.util.Random random = new java.util.Random(42);
        List<Path> streams = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int part = random.nextInt(8); part >= 0; part--) {
                if (random.nextBoolean()) {
                    byte[] packet = PacketWriter.toBytes(run.get(random.nextInt(run.size())));
                    bytes.write(packet, 0, packet.length);
                } else {
                    for (int i = random.nextInt(4); i >= 0; i--) {
                        bytes.write(alphabet[random.nextInt(alphabet.length)]);
                    }
                }
            }
            Path stream = dir.resolve("noisy-" + n + ".subunit");
            Files.write(stream, bytes.toByteArray());
            streams.add(stream);
        }
        List<Object> args = new ArrayList<>(List.of(script("dump_events.py"), "--each"));
        args.addAll(streams);
        python(dir, dir.resolve("dump.out"), args.toArray());

        int compared = 0;
        int corrupt = 0;
        for (Path stream : streams) {
            Path dump = stream.resolveSibling(stream.getFileName() + ".events");
            List<Event> ours = read(stream);
            if (!Files.exists(dump)) {
                continue; // python crashed on it
            }
            List<Event> theirs = EventText.parseAll(Files.readString(dump, StandardCharsets.UTF_8));
            if (hasParserError(theirs) || hasParserError(ours)) {
                // python loses packets after a stray signature; we must keep every one it keeps
                List<Event> theirTests =
                        theirs.stream().filter(PythonInteropIT::isTestEvent).collect(Collectors.toList());
                if (!theirTests.isEmpty()) {
                    assertThat(ours.stream()
                                    .filter(PythonInteropIT::isTestEvent)
                                    .collect(Collectors.toList()))
                            .as("%s", stream.getFileName())
                            .containsSubsequence(theirTests);
                }
                corrupt++;
                continue;
            }
            assertThat(ours).as("%s", stream.getFileName()).containsExactlyElementsOf(theirs);
            compared++;
        }
        assertThat(compared).as("streams free of corruption on both sides").isGreaterThan(150);
        assertThat(corrupt).as("streams with corruption").isGreaterThan(20);
    }

    private static boolean isTestEvent(Event e) {
        return e.testId() != null && !e.testId().equals(StreamItem.PARSER_TEST_ID);
    }

    private static boolean hasParserError(List<Event> events) {
        return events.stream().anyMatch(e -> StreamItem.PARSER_TEST_ID.equals(e.testId()));
    }

    // ---------------------------------------------------------------- (b) we write, python reads

    @Test
    void pythonToolsSeeOurStreamAsTheirOwn() throws IOException {
        Path ours = dir.resolve("ours.subunit");
        write(sampleRun(), ours);
        Path theirs = dir.resolve("theirs.subunit");
        python(dir, dir.resolve("rewrite.out"), script("rewrite.py"), ours, theirs);

        assertThat(pythonEvents(ours)).containsExactlyElementsOf(sampleRun());
        assertThat(eventsEqual(ours, theirs)).isEqualTo(0);
        for (String tool : TOOLS) {
            Path outOurs = dir.resolve(tool + ".ours");
            Path outTheirs = dir.resolve(tool + ".theirs");
            PythonOracle.Run onOurs = PythonOracle.run(dir, ours, outOurs, tool);
            PythonOracle.Run onTheirs = PythonOracle.run(dir, theirs, outTheirs, tool);
            assertThat(onOurs.exitCode()).as(tool + " exit status").isEqualTo(onTheirs.exitCode());
            assertThat(onOurs.stderr()).as(tool + " stderr").isEqualTo(onTheirs.stderr());
            assertThat(Files.readString(outOurs)).as(tool + " output").isEqualTo(Files.readString(outTheirs));
        }
        assertThat(Files.readString(dir.resolve("subunit-stats.ours")))
                .contains("Total tests:      28", "Failed tests:      6", "Skipped tests:     6");
    }

    @Test
    void fileLargerThanAPacketIsSplitAndPythonJoinsIt() throws IOException {
        byte[] content = new byte[10 * 1024 * 1024 + 12345];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >>> 13));
        }
        Path ours = dir.resolve("big.subunit");
        write(
                List.of(
                        Event.test("pkg.T.big").status(TestStatus.IN_PROGRESS).build(),
                        Event.test("pkg.T.big")
                                .status(TestStatus.FAIL)
                                .file("core", Bytes.of(content))
                                .mimeType("application/octet-stream")
                                .eof(true)
                                .tags("slow")
                                .timestamp(Instant.parse("2024-01-02T03:04:05.678901Z"))
                                .build()),
                ours);

        List<Integer> lengths = PacketWriterTest.packetLengths(Files.readAllBytes(ours));
        Path digests = dir.resolve("digests.txt");
        python(dir, digests, script("file_digests.py"), ours);

        assertThat(lengths).hasSize(4).allMatch(n -> n <= 4194303);
        assertThat(Files.readString(digests))
                .isEqualTo("pkg.T.big core 3 " + content.length + " " + sha256(content) + " True\n");
        assertThat(pythonEvents(ours))
                .extracting(Event::status)
                .containsExactly(TestStatus.IN_PROGRESS, TestStatus.NONE, TestStatus.NONE, TestStatus.FAIL);
    }

    // ---------------------------------------------------------------- (c) corrupt input

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "truncated.v2",
                "badcrc.v2",
                "badbody.v2",
                "hugelen.v2",
                "len4byte.v2",
                "tinylen.v2",
                "random.bin",
                "interleaved.v2",
                "textonly.txt"
            })
    void corruptStreamsKeepEveryGoodPacket(String variant) throws IOException {
        Path good = generate("gen_stream.py 200 --seed 5");
        Path out = dir.resolve("bad");
        python(dir, dir.resolve("make_bad.out"), benchDir().resolve("make_bad.py"), good, out);
        List<StreamItem.Packet> goodPackets = packets(items(good));
        assertThat(goodPackets).hasSize(412);
        long at20 = goodPackets.get(20).offset();
        long at21 = goodPackets.get(21).offset();
        int cut = (int) (412 * 0.6);
        Path bad = out.resolve(variant);
        long size = Files.size(bad);

        List<StreamItem> items = items(bad);

        long accounted = 0;
        for (StreamItem item : items) {
            assertThat(item.offset()).isEqualTo(accounted).isLessThan(size);
            accounted += item instanceof StreamItem.Packet
                    ? ((StreamItem.Packet) item).length()
                    : item instanceof StreamItem.Corrupt
                            ? ((StreamItem.Corrupt) item).skipped()
                            : ((StreamItem.Interleaved) item).bytes().size();
        }
        assertThat(accounted).as("every byte is accounted for").isEqualTo(size);
        List<Event> decoded = events(packets(items));
        List<StreamItem.Corrupt> corrupt = corrupt(items);
        List<Event> goodEvents = events(goodPackets);
        switch (variant) {
            case "badcrc.v2":
            case "badbody.v2":
                assertThat(decoded).containsExactlyElementsOf(without(goodEvents, 20));
                assertThat(corrupt)
                        .singleElement()
                        .satisfies(
                                c -> assertThat(c.message()).startsWith("packet at byte " + at20 + ": Bad checksum"));
                break;
            case "hugelen.v2":
            case "len4byte.v2":
            case "tinylen.v2":
                assertThat(decoded).containsExactlyElementsOf(goodEvents);
                assertThat(corrupt)
                        .singleElement()
                        .satisfies(c -> assertThat(c.message()).startsWith("packet at byte " + at21 + ": "));
                break;
            case "truncated.v2":
                assertThat(decoded).containsExactlyElementsOf(goodEvents.subList(0, cut));
                assertThat(corrupt)
                        .singleElement()
                        .satisfies(c -> assertThat(c.message())
                                .startsWith(
                                        "packet at byte " + goodPackets.get(cut).offset() + ": Short read"));
                break;
            case "interleaved.v2":
                assertThat(decoded).containsExactlyElementsOf(goodEvents);
                assertThat(corrupt).isEmpty();
                break;
            case "textonly.txt":
                assertThat(decoded).isEmpty();
                assertThat(corrupt).isEmpty();
                break;
            default:
                assertThat(corrupt)
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.message()).startsWith("packet at byte " + c.offset() + ": "));
        }
        comparedWithPython(variant, bad, decoded);
    }

    /** Where python-subunit does not crash, the good events it finds are ours, or a prefix of ours when it swallows the rest. */
    private void comparedWithPython(String variant, Path bad, List<Event> ours) throws IOException {
        Path dump = dir.resolve(variant + ".events");
        PythonOracle.Run run = PythonOracle.run(
                dir, null, dump, PYTHON, script("dump_events.py").toString(), bad.toString());
        if (run.exitCode() != 0) {
            assertThat(variant)
                    .as("python crashes only on tinylen: " + run.stderr())
                    .isEqualTo("tinylen.v2");
            return;
        }
        List<Event> theirs = EventText.parseAll(Files.readString(dump, StandardCharsets.UTF_8)).stream()
                .filter(e -> e.testId() != null && !e.testId().equals(StreamItem.PARSER_TEST_ID))
                .collect(Collectors.toList());
        switch (variant) {
            case "hugelen.v2":
            case "truncated.v2":
            case "random.bin":
                // python trusts the bad length and swallows everything after it
                assertThat(ours.subList(0, Math.min(theirs.size(), ours.size())))
                        .containsExactlyElementsOf(theirs);
                break;
            default:
                assertThat(ours).containsExactlyElementsOf(theirs);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** 28 tests in every status, with attachments, tags, route codes and microsecond timestamps. */
    static List<Event> sampleRun() {
        List<Event> events = new ArrayList<>();
        events.add(Event.builder()
                .file("stdout", Bytes.utf8("collecting\n"))
                .mimeType("text/plain")
                .build());
        TestStatus[] finals = {
            TestStatus.SUCCESS,
            TestStatus.FAIL,
            TestStatus.SKIP,
            TestStatus.EXPECTED_FAIL,
            TestStatus.UNEXPECTED_SUCCESS
        };
        Instant t = Instant.parse("2024-02-29T23:59:58.123456Z");
        for (int i = 0; i < 28; i++) {
            String id = "pkg.mod" + i % 3 + ".T.test_" + i + (i % 7 == 0 ? "_\u00e9\u4e2d" : "");
            String route = i % 4 == 0 ? null : (i % 2) + "/" + (i % 3);
            java.util.Set<String> tags = i % 5 == 0 ? java.util.Set.of("worker-" + i % 2) : java.util.Set.of();
            Instant start = t.plusMillis(i * 17L);
            events.add(Event.test(id)
                    .status(TestStatus.IN_PROGRESS)
                    .routeCode(route)
                    .timestamp(start)
                    .tags(tags)
                    .build());
            TestStatus status = finals[i % finals.length];
            if (status == TestStatus.FAIL || status == TestStatus.SKIP) {
                events.add(Event.test(id)
                        .file(status == TestStatus.FAIL ? "traceback" : "reason", Bytes.utf8("why \u00b3 " + i + "\n"))
                        .mimeType("text/plain;charset=utf8")
                        .eof(true)
                        .routeCode(route)
                        .timestamp(start.plusNanos(5_000))
                        .build());
            }
            events.add(Event.test(id)
                    .status(status)
                    .routeCode(route)
                    .timestamp(start.plusNanos(9_000_000))
                    .tags(tags)
                    .runnable(i != 27)
                    .build());
        }
        events.add(Event.test("pkg.listed").status(TestStatus.EXISTS).build());
        events.add(
                Event.builder().file("stderr", Bytes.utf8("done\n")).eof(true).build());
        return events;
    }

    private Path generate(String generator) throws IOException {
        String[] words = generator.split(" ");
        Path stream = dir.resolve(words[0] + "-" + Integer.toHexString(generator.hashCode()) + ".subunit");
        if (!Files.exists(stream)) {
            List<Object> args = new ArrayList<>();
            args.add(benchDir().resolve(words[0]));
            if (words[0].equals("gen_stream.py")) {
                args.add(words[1]);
                args.add(stream);
                args.addAll(List.of(words).subList(2, words.length));
            } else {
                args.add(stream);
            }
            python(dir, dir.resolve("generate.out"), args.toArray());
        }
        return stream;
    }

    private List<Event> pythonEvents(Path stream) throws IOException {
        Path dump = dir.resolve(stream.getFileName() + ".events");
        python(dir, dump, script("dump_events.py"), stream);
        return EventText.parseAll(Files.readString(dump, StandardCharsets.UTF_8));
    }

    private int eventsEqual(Path a, Path b) throws IOException {
        PythonOracle.Run run = PythonOracle.run(
                dir,
                null,
                dir.resolve("events_equal.out"),
                PYTHON,
                benchDir().resolve("events_equal.py").toString(),
                a.toString(),
                b.toString());
        if (run.exitCode() != 0) {
            System.err.println(Files.readString(dir.resolve("events_equal.out")) + run.stderr());
        }
        return run.exitCode();
    }

    private static List<Event> read(Path stream) throws IOException {
        RecordingResult rec = new RecordingResult();
        try (PacketReader reader = PacketReader.lenient(Files.newInputStream(stream))) {
            reader.readAll(rec);
        }
        return rec.events();
    }

    private static List<StreamItem> items(Path stream) throws IOException {
        List<StreamItem> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(stream);
                PacketReader reader = PacketReader.lenient(in)) {
            for (Optional<StreamItem> next = reader.read(); next.isPresent(); next = reader.read()) {
                items.add(next.get());
            }
        }
        return items;
    }

    private static void write(List<Event> events, Path to) throws IOException {
        try (OutputStream out = Files.newOutputStream(to);
                PacketWriter writer = PacketWriter.to(out)) {
            for (Event e : events) {
                writer.write(e);
            }
        }
    }

    private static List<StreamItem.Packet> packets(List<StreamItem> items) {
        return items.stream()
                .filter(StreamItem.Packet.class::isInstance)
                .map(StreamItem.Packet.class::cast)
                .collect(Collectors.toList());
    }

    private static List<StreamItem.Corrupt> corrupt(List<StreamItem> items) {
        return items.stream()
                .filter(StreamItem.Corrupt.class::isInstance)
                .map(StreamItem.Corrupt.class::cast)
                .collect(Collectors.toList());
    }

    private static List<Event> events(List<StreamItem.Packet> packets) {
        return packets.stream().map(StreamItem.Packet::event).collect(Collectors.toList());
    }

    private static List<Event> without(List<Event> events, int index) {
        List<Event> copy = new ArrayList<>(events);
        copy.remove(index);
        return copy;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
