package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/subunit} launcher as a user would, in a shell pipeline. */
class LauncherIT {
    private static final Path ROOT =
            Path.of(System.getProperty("testr4j.projectRoot", "..")).toAbsolutePath();

    record Result(int exitCode, String stdout, String stderr) {}

    static Result sh(Path dir, String script) throws IOException, InterruptedException {
        return sh(dir, script, Duration.ofSeconds(120));
    }

    static Result sh(Path dir, String script, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("testr4j-it", ".out");
        Path err = Files.createTempFile("testr4j-it", ".err");
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", script))
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("`" + script + "` did not finish within " + limit + "; stderr so far:\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Path sample(Path dir) throws IOException {
        return Files.write(dir.resolve("sample.subunit"), SubunitCommandTest.sample());
    }

    @Test
    void statsFromStandardInput(@TempDir Path dir) throws Exception {
        sample(dir);

        Result r = sh(dir, ROOT + "/bin/subunit stats < sample.subunit");

        assertThat(r.stdout()).startsWith("Total tests:     300\nPassed tests:    276\nFailed tests:     17\n");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void convertPipesIntoLs(@TempDir Path dir) throws Exception {
        sample(dir);

        Result r = sh(
                dir,
                ROOT + "/bin/subunit convert --from subunit2 --to subunit2 < sample.subunit | " + ROOT
                        + "/bin/subunit ls --no-passthrough | wc -l");

        assertThat(r.stdout().trim()).isEqualTo("300");
    }

    @Test
    void corruptInputSaysWhereOnStderr(@TempDir Path dir) throws Exception {
        Path file = sample(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10)); // cut inside the last packet

        Result r = sh(dir, ROOT + "/bin/subunit ls --no-passthrough sample.subunit");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr())
                .contains("subunit ls: sample.subunit: packet at byte ")
                .contains("Short read");
        assertThat(r.stdout().split("\n")).hasSizeGreaterThanOrEqualTo(299);
    }

    @Test
    void printsItsVersion(@TempDir Path dir) throws Exception {
        Result r = sh(dir, ROOT + "/bin/subunit --version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("testr4j 0.1.0");
    }
}
