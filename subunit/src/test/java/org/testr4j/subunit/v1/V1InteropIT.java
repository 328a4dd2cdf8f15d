package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;
import org.testr4j.subunit.v2.StreamItem;

/**
 * Runs python-subunit's {@code subunit-1to2} and {@code subunit-2to1} over the v1 corpus (and v2
 * streams made from it, by hand, and by the bench generators) and checks that our reader gives the
 * same events and our writer the same text.
 */
class V1InteropIT {
    private static Path oneToTwo;
    private static Path twoToOne;

    /** Where the python tools' input, output and stderr go. */
    @TempDir
    static Path scratch;

    @BeforeAll
    static void requireOracles() {
        oneToTwo = PythonOracle.command("subunit-1to2");
        twoToOne = PythonOracle.command("subunit-2to1");
    }

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(V1InteropIT.class.getResource("/v1").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".v1")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void v1ReadsAsTheEventsSubunit1to2Writes(Path v1) throws IOException {
        byte[] input = Files.readAllBytes(v1);
        List<Event> python = readV2(run(oneToTwo, input));

        List<Event> ours = V1Events.read(input, InputShape.WHOLE);

        String name = v1.getFileName().toString();
        if (name.startsWith("truncated-")) {
            // We add a parser error for the cut-short details block; subunit-1to2 says nothing.
            assertThat(ours).filteredOn(this::isParserError).hasSize(2);
            ours.removeIf(this::isParserError);
        }
        if (name.startsWith("no-time")) {
            // Without a time: line both use the wall clock, which differs run to run.
            python.replaceAll(e -> e.withTimestamp(null));
            ours.replaceAll(e -> e.withTimestamp(null));
        }
        assertThat(ours).isNotEmpty().containsExactlyElementsOf(python);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eventsFromV1WriteAsTheTextSubunit2to1Writes(Path v1) throws IOException {
        byte[] v2 = run(oneToTwo, Files.readAllBytes(v1));

        assertWritesAsSubunit2to1(v2);
    }

    @Test
    void everyEventShapeWritesAsTheTextSubunit2to1Writes() throws IOException {
        java.time.Instant t = java.time.Instant.parse("2024-02-29T23:59:58.123456789Z");
        byte[] big = new byte[70000];
        Arrays.fill(big, (byte) 'b');
        List<Event> events = List.of(
                Event.test("listed").status(TestStatus.EXISTS).build(),
                Event.test("a")
                        .status(TestStatus.IN_PROGRESS)
                        .timestamp(t)
                        .routeCode("0")
                        .build(),
                Event.test("open").status(TestStatus.IN_PROGRESS).build(),
                Event.test("a")
                        .file("out", Bytes.utf8("x"))
                        .mimeType("text/plain; charset=\"utf8\"; language=python")
                        .routeCode("0")
                        .build(),
                Event.test("a").file("out", Bytes.of(big)).routeCode("0").build(),
                Event.test("a")
                        .file("out", Bytes.utf8("tail"))
                        .eof(true)
                        .routeCode("0")
                        .build(),
                Event.test("a")
                        .file("empty", Bytes.EMPTY)
                        .eof(true)
                        .routeCode("0")
                        .build(),
                Event.builder().file("stdout", Bytes.utf8("between tests\n")).build(),
                Event.test("a")
                        .status(TestStatus.FAIL)
                        .tags("w1", "slow")
                        .timestamp(t.plusNanos(500))
                        .routeCode("0")
                        .build(),
                Event.test("b\u00e9").status(TestStatus.SKIP).runnable(false).build(),
                Event.test("c").status(TestStatus.EXPECTED_FAIL).timestamp(t).build(),
                Event.test("d").status(TestStatus.UNEXPECTED_SUCCESS).build(),
                Event.test("e").status(TestStatus.SUCCESS).tags("only").build(),
                Event.test("never").file("log", Bytes.utf8("partial")).build());
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();
        try (PacketWriter writer = PacketWriter.to(v2)) {
            events.forEach(writer::status);
        }

        assertWritesAsSubunit2to1(v2.toByteArray());
    }

    @ParameterizedTest
    @MethodSource("benchStreams")
    void benchStreamsWriteAsTheTextSubunit2to1Writes(List<String> generator, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("stream.v2");
        List<Object> args = new ArrayList<>(List.of(PythonOracle.benchScript(generator.get(0))));
        for (String arg : generator.subList(1, generator.size())) {
            args.add(arg.equals("OUT") ? out : arg);
        }
        PythonOracle.python(dir, dir.resolve("generator.log"), args.toArray());

        assertWritesAsSubunit2to1(Files.readAllBytes(out));
    }

    static Stream<List<String>> benchStreams() {
        return Stream.of(List.of("gen_stream.py", "200", "OUT"), List.of("gen_exact.py", "OUT"));
    }

    private void assertWritesAsSubunit2to1(byte[] v2) throws IOException {
        String python = normaliseTags(run(twoToOne, v2));
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        V1Writer writer = V1Writer.to(ours);
        try (PacketReader reader = PacketReader.lenient(new ByteArrayInputStream(v2))) {
            reader.readAll(writer);
        }
        writer.stopRun();

        assertThat(normaliseTags(ours.toByteArray())).isEqualTo(python);
    }

    /** python writes a tag set in its hash order, which changes from run to run: compare tag lines sorted. */
    private static String normaliseTags(byte[] v1) {
        String text = new String(v1, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\n)", -1)) {
            if (line.startsWith("tags: ") && line.endsWith("\n")) {
                String[] tags = line.substring(6, line.length() - 1).split(" ");
                Arrays.sort(tags);
                line = "tags: " + String.join(" ", tags) + "\n";
            }
            out.append(line);
        }
        return out.toString();
    }

    private boolean isParserError(Event e) {
        return StreamItem.PARSER_TEST_ID.equals(e.testId());
    }

    private static List<Event> readV2(byte[] v2) throws IOException {
        List<Event> events = new ArrayList<>();
        try (PacketReader reader = PacketReader.lenient(new ByteArrayInputStream(v2))) {
            reader.readAll(events::add);
        }
        return events;
    }

    private static byte[] run(Path tool, byte[] stdin) throws IOException {
        Path in = Files.createTempFile(scratch, "stdin", ".bin");
        Files.write(in, stdin);
        return PythonOracle.output(scratch, in, List.of(tool.toString()));
    }
}
