package org.testr4j.subunit.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.v2.PacketWriter;

/** Our TAP reader against Debian's {@code tap2subunit}, file by file over the corpus in {@code tap/}. */
class TapParityIT {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(TapParityIT.class.getResource("/tap").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".tap")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void convertsLikeTap2subunit(Path tap, @TempDir Path tmp) throws Exception {
        Path tap2subunit = PythonOracle.command("tap2subunit");
        PythonOracle.requireModules("subunit.v2");
        Path eventsEqual = PythonOracle.benchScript("events_equal.py");
        Path expected = tmp.resolve("python.subunit");
        Path actual = tmp.resolve("ours.subunit");

        PythonOracle.Run oracle = PythonOracle.run(tmp, tap, expected, tap2subunit.toString());
        try (InputStream in = Files.newInputStream(tap);
                OutputStream out = Files.newOutputStream(actual);
                PacketWriter writer = PacketWriter.to(out)) {
            new TapReader(in).readAll(writer);
        }
        PythonOracle.Run comparison = PythonOracle.run(
                tmp,
                tap,
                tmp.resolve("diff.txt"),
                PythonOracle.PYTHON,
                eventsEqual.toString(),
                expected.toString(),
                actual.toString());

        assertThat(oracle.exitCode()).as("tap2subunit: %s", oracle.stderr()).isZero();
        assertThat(comparison.exitCode())
                .as("events differ: %s %s", Files.readString(tmp.resolve("diff.txt")), comparison.stderr())
                .isZero();
    }
}
