package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * TestFilter against python's {@code subunit-filter} on a generated 500-test stream: for each set of
 * flags, both keep the same test ids.
 */
class TestFilterParityIT {
    @TempDir
    static Path dir;

    private static Path stream;
    private static Path subunitFilter;

    @BeforeAll
    static void generateStream() throws Exception {
        subunitFilter = PythonOracle.command("subunit-filter");
        PythonOracle.requireModules("subunit.v2");
        stream = dir.resolve("500.subunit");
        PythonOracle.python(dir, dir.resolve("gen.log"), PythonOracle.benchScript("gen_stream.py"), 500, stream);
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
        command.add(subunitFilter.toString());
        command.addAll(flags);
        byte[] pythonOut = PythonOracle.output(dir, stream, command);

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
}
