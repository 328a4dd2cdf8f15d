package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * TestFilter against python's {@code subunit-filter} on a generated 500-test stream: for each set of
 * flags, both keep the same test ids.
 */
class TestFilterParityIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SUBUNIT_FILTER = Path.of("/usr/bin/subunit-filter");

    @TempDir
    static Path dir;

    private static Path stream;

    @BeforeAll
    static void generateStream() throws Exception {
        Path generator = benchDir().resolve("gen_stream.py");
        requireOracle(Files.isExecutable(PYTHON), "/usr/bin/python3 (Debian's python3 with python3-subunit)");
        requireOracle(Files.isExecutable(SUBUNIT_FILTER), "subunit-filter (apt-get install subunit)");
        requireOracle(Files.isReadable(generator), generator + " (the shared bench generators)");
        stream = dir.resolve("500.subunit");
        run(List.of(PYTHON.toString(), generator.toString(), "500", stream.toString()), null);
    }

    static Stream<Arguments> flags() {
        TestSelection defaults = TestSelection.subunitFilterDefaults();
        return Stream.of(
                Arguments.of(List.of(), defaults),
                Arguments.of(List.of("-s"), defaults.keeping(SUCCESS)),
                Arguments.of(List.of("--no-skip"), defaults.dropping(SKIP)),
                Arguments.of(List.of("-s", "-f"), defaults.keeping(SUCCESS).dropping(FAIL, IN_PROGRESS)),
                Arguments.of(List.of("-F"), defaults.onlyGenuineFailures()),
                Arguments.of(
                        List.of("-s", "--with-tag", "slow"),
                        defaults.keeping(SUCCESS).withTag("slow")),
                Arguments.of(
                        List.of("-s", "--with-tag", "smoke", "--with-tag", "db"),
                        defaults.keeping(SUCCESS).withTag("smoke").withTag("db")),
                Arguments.of(
                        List.of("-s", "--without-tag", "db"),
                        defaults.keeping(SUCCESS).withoutTag("db")),
                Arguments.of(
                        List.of("-s", "--with", "module_000[0-1]", "--with", "test_case_00004"),
                        defaults.keeping(SUCCESS).matching("module_000[0-1]").matching("test_case_00004")),
                Arguments.of(
                        List.of("-s", "--without", "TestCase0[0-4]"),
                        defaults.keeping(SUCCESS).notMatching("TestCase0[0-4]")),
                // Found only in the tracebacks of failed tests: the error text is searched too.
                Arguments.of(
                        List.of("-s", "--with", "AssertionError"),
                        defaults.keeping(SUCCESS).matching("AssertionError")));
    }

    @ParameterizedTest(name = "subunit-filter {0}")
    @MethodSource("flags")
    void keepsTheSameTestsAsSubunitFilter(List<String> flags, TestSelection selection) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(SUBUNIT_FILTER.toString());
        command.addAll(flags);
        byte[] pythonOut = run(command, stream);

        RecordingResult ours = new RecordingResult();
        try (InputStream in = Files.newInputStream(stream)) {
            PacketReader.lenient(in).readAll(new TestFilter(selection, ours));
        }
        // And back through the writer, so what is compared is what a CLI would emit.
        byte[] ourOut = write(ours.events());

        Set<String> kept = testIds(ourOut);
        assertThat(kept).as("test ids kept with %s", flags).isEqualTo(testIds(pythonOut));
        assertThat(kept).as("a filter that keeps something").isNotEmpty();
    }

    private static byte[] write(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter writer = PacketWriter.to(out);
        writer.startRun();
        events.forEach(writer::status);
        writer.stopRun();
        return out.toByteArray();
    }

    private static Set<String> testIds(byte[] subunit) throws IOException {
        RecordingResult rec = new RecordingResult();
        PacketReader.strict(new ByteArrayInputStream(subunit)).readAll(rec);
        Set<String> ids = new TreeSet<>();
        for (Event e : rec.events()) {
            if (e.testId() != null) {
                ids.add(e.testId());
            }
        }
        return ids;
    }

    private static byte[] run(List<String> command, Path stdin) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".subunit");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            fail(command + " exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readAllBytes(out);
    }

    private static Path benchDir() {
        String root = System.getProperty("testr4j.projectRoot");
        if (root != null) {
            Path sibling =
                    Path.of(root).toAbsolutePath().resolveSibling("shared").resolve("bench");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return Path.of("/work/shared/bench");
    }

    private static void requireOracle(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "python oracle missing: " + what
                + "; install with apt-get install -y python3-subunit subunit python3-testtools";
        if (Boolean.getBoolean("testr4j.requireOracles")) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
