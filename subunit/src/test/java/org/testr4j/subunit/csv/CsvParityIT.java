package org.testr4j.subunit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.ParityStreams;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.v2.PacketReader;

/** Our CSV against Debian's {@code subunit2csv}: the same bytes for the same stream. */
class CsvParityIT {
    @TempDir
    Path tmp;

    @Test
    void matchesSubunit2csvOnAGeneratedStream() throws Exception {
        Path stream = ParityStreams.generated(tmp, 500);

        assertSameCsv(stream);
    }

    @Test
    void matchesSubunit2csvOnEveryStatusAndAwkwardIds() throws Exception {
        assertSameCsv(ParityStreams.awkward(tmp));
    }

    private void assertSameCsv(Path stream) throws Exception {
        Path subunit2csv = PythonOracle.command("subunit2csv");
        Path expected = tmp.resolve("python.csv");
        Path actual = tmp.resolve("ours.csv");

        PythonOracle.Run python = PythonOracle.run(tmp, stream, expected, subunit2csv.toString());
        try (InputStream in = Files.newInputStream(stream);
                OutputStream out = Files.newOutputStream(actual)) {
            CsvWriter writer = CsvWriter.to(out);
            writer.startRun();
            PacketReader.lenient(in).readAll(writer);
            writer.stopRun();
        }

        assertThat(python.stderr()).isEmpty();
        assertThat(Files.readString(actual)).isEqualTo(Files.readString(expected));
    }
}
