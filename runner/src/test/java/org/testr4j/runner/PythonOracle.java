package org.testr4j.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code /usr/bin/python3} with python-subunit, testrepository and stestr: the reference
 * our behaviour is checked against. Missing, it fails the test when {@code testr4j.requireOracles}
 * is true (CI), and otherwise aborts it saying what to install.
 */
public final class PythonOracle {
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonOracle() {}

    /** Requires {@code /usr/bin/python3} able to import {@code modules}. */
    public static void require(String... modules) {
        String missing = missing(modules);
        if (missing.isEmpty()) {
            return;
        }
        String message = missing + ": apt-get install -y python3-subunit subunit python3-stestr testrepository";
        if (Boolean.getBoolean("testr4j.requireOracles")) {
            throw new AssertionError("oracle missing (testr4j.requireOracles=true): " + message);
        }
        Assumptions.abort("oracle missing: " + message);
    }

    private static String missing(String... modules) {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is not installed";
        }
        try {
            Run r = run(Path.of("."), List.of(PYTHON.toString(), "-c", "import " + String.join(",", modules)));
            return r.exitCode() == 0 ? "" : PYTHON + " cannot import " + String.join(", ", modules);
        } catch (IOException e) {
            return PYTHON + " does not run: " + e.getMessage();
        }
    }

    /** What a finished command printed. */
    public record Run(int exitCode, String stdout, String stderr) {}

    /** Runs {@code command} in {@code dir} with stdin closed, waiting at most ten minutes. */
    public static Run run(Path dir, List<String> command) throws IOException {
        Path out = Files.createTempFile("oracle", ".out");
        Path err = Files.createTempFile("oracle", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            p.getOutputStream().close();
            boolean finished;
            try {
                finished = p.waitFor(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + command, e);
            }
            assertThat(finished).as("%s finished", command).isTrue();
            return new Run(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
