package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.ParityStreams;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * Our JUnit XML against Debian's {@code subunit2junitxml}, compared after parsing both: the same
 * counts and, case by case in order, the same classname, name, failure, skipped and error, times
 * within a millisecond.
 */
class JUnitXmlParityIT {
    private static final BigDecimal ONE_MS = new BigDecimal("0.001");

    @TempDir
    Path tmp;

    @Test
    void matchesOnAGeneratedStream() throws Exception {
        assertSameSuite(ParityStreams.generated(tmp, 500));
    }

    @Test
    void matchesOnAGeneratedStreamWithManyFailuresAndNoRoutes() throws Exception {
        assertSameSuite(
                ParityStreams.generated(tmp, 500, "--seed", "7", "--fail-pct", "30", "--skip-pct", "10", "--no-route"));
    }

    @Test
    void matchesOnEveryStatusAttachmentKindAndAwkwardId() throws Exception {
        assertSameSuite(ParityStreams.awkward(tmp));
    }

    @Test
    void matchesWhenTheTestCasesSpillToATemporaryFile() throws Exception {
        Path stream = ParityStreams.generated(tmp, 500, "--seed", "3");
        Path expected = python(stream);
        Path actual = tmp.resolve("ours-spilled.xml");
        try (InputStream in = Files.newInputStream(stream);
                OutputStream out = Files.newOutputStream(actual)) {
            JUnitXmlWriter writer = JUnitXmlWriter.to(out, tmp, 4096);
            writer.startRun();
            PacketReader.lenient(in).readAll(writer);
            writer.stopRun();
        }

        assertEqual(JUnitXml.parse(actual), JUnitXml.parse(expected));
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void surefireReportsReadByUsComeOutOfSubunit2junitxmlWithTheSameCases() throws Exception {
        Path reports = Path.of(getClass().getResource("/junitxml/surefire").toURI());
        Path stream = tmp.resolve("surefire.subunit");
        try (OutputStream out = Files.newOutputStream(stream);
                PacketWriter writer = PacketWriter.to(out)) {
            new JUnitXmlReader().read(List.of(reports), writer);
        }

        JUnitXml suite = JUnitXml.parse(python(stream));

        assertThat(suite.tests()).isEqualTo(8);
        assertThat(suite.failures()).isEqualTo(2);
        assertThat(suite.cases())
                .extracting(
                        JUnitXml.Case::classname,
                        JUnitXml.Case::name,
                        c -> c.failure() != null,
                        c -> c.skipped() != null)
                .contains(
                        tuple("com.example.calc.CalculatorTest", "subtracts", true, false),
                        tuple("com.example.calc.CalculatorTest", "multiplies", false, true),
                        tuple("com.example.calc.CalculatorTest", "parses(String)[1]", false, false),
                        tuple("com.example.calc.EmptyNameTest", "passes", false, false));
        assertThat(suite.cases().get(3).failure())
                .contains("AssertionFailedError: 3 - 1 ==> expected: <1> but was: <2>");
    }

    private void assertSameSuite(Path stream) throws Exception {
        Path expected = python(stream);
        Path actual = tmp.resolve("ours.xml");
        try (InputStream in = Files.newInputStream(stream);
                OutputStream out = Files.newOutputStream(actual)) {
            JUnitXmlWriter writer = JUnitXmlWriter.to(out);
            writer.startRun();
            PacketReader.lenient(in).readAll(writer);
            writer.stopRun();
        }

        assertEqual(JUnitXml.parse(actual), JUnitXml.parse(expected));
    }

    private Path python(Path stream) throws Exception {
        Path subunit2junitxml = PythonOracle.command("subunit2junitxml");
        Path expected = tmp.resolve("python.xml");
        PythonOracle.Run python = PythonOracle.run(tmp, stream, expected, subunit2junitxml.toString());
        assertThat(python.stderr()).isEmpty();
        return expected;
    }

    private static void assertEqual(JUnitXml ours, JUnitXml python) {
        assertThat(ours.tests()).isEqualTo(python.tests());
        assertThat(ours.failures()).isEqualTo(python.failures());
        assertThat(ours.errors()).isEqualTo(python.errors());
        assertThat(ours.time()).isCloseTo(python.time(), within(ONE_MS));
        assertThat(ours.cases()).hasSameSizeAs(python.cases());
        for (int i = 0; i < python.cases().size(); i++) {
            JUnitXml.Case o = ours.cases().get(i);
            JUnitXml.Case p = python.cases().get(i);
            assertThat(o.time()).as("time of %s", p).isCloseTo(p.time(), within(ONE_MS));
            assertThat(o).usingRecursiveComparison().ignoringFields("time").isEqualTo(p);
        }
    }
}
