package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.DebianOracle;
import org.testr4j.subunit.ParityStreams;
import org.testr4j.subunit.v2.PacketReader;

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
        Path subunit2junitxml = DebianOracle.require("/usr/bin/subunit2junitxml");
        Path expected = tmp.resolve("python.xml");
        DebianOracle.Outcome python = DebianOracle.run(List.of(subunit2junitxml.toString()), stream, expected);
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
