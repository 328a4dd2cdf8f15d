package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubunitCommandTest {
    static byte[] sample() throws IOException {
        try (InputStream in = SubunitCommandTest.class.getResourceAsStream("/sample-run.subunit")) {
            return in.readAllBytes();
        }
    }

    @Nested
    class Stats {
        @Test
        void printsSubunitStatsLinesThenOurs() throws IOException {
            CommandRun run = CommandRun.subunit(sample(), "stats");

            assertThat(run.out())
                    .startsWith("Total tests:     300\n"
                            + "Passed tests:    276\n"
                            + "Failed tests:     17\n"
                            + "Skipped tests:     7\n"
                            + "Seen tags: db, slow, smoke\n")
                    .contains("Expected failures:        0")
                    .containsPattern("Test time: \\d+\\.\\d{3}s");
            assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
            assertThat(run.stderr()).isEmpty();
        }

        @Test
        void exitsZeroWhenNothingFailed() {
            CommandRun run = CommandRun.subunit(new byte[0], "stats");

            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).startsWith("Total tests:       0\n");
        }

        @Test
        void readsFilesNamedOnTheCommandLine(@TempDir Path dir) throws IOException {
            Path file = Files.write(dir.resolve("run.subunit"), sample());

            CommandRun run = CommandRun.subunit(new byte[0], "stats", file.toString(), file.toString());

            assertThat(run.out()).startsWith("Total tests:     600\n");
        }

        @Test
        void reportsCorruptionWithOffsetAndKeepsCounting() throws IOException {
            byte[] stream = sample();
            stream[100] ^= 0x55; // damage one packet in the middle

            CommandRun run = CommandRun.subunit(stream, "stats");

            assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.stderr()).matches("(?s)subunit stats: <stdin>: packet at byte \\d+: .+\n");
            // the parser error counts as a failed test, as in python-subunit; one test lost at most
            assertThat(run.out()).containsPattern("Total tests:\\s+(300|301)\n");
        }
    }

    @Nested
    class Ls {
        @Test
        void listsEveryTestIdAsItEnds() throws IOException {
            CommandRun run = CommandRun.subunit(sample(), "ls");

            String[] lines = run.out().split("\n");
            assertThat(lines).hasSize(300);
            assertThat(lines[0]).isEqualTo("bench.pkg.module_0000.TestCase00.test_case_0000000");
            assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
        }

        @Test
        void showsTimesWithThreeDecimals() throws IOException {
            CommandRun run = CommandRun.subunit(sample(), "ls", "--times");

            assertThat(run.out().split("\n")).allMatch(line -> line.matches("\\S+ \\d+\\.\\d{3}"));
        }
    }

    @Nested
    class Convert {
        @Test
        void reencodesSubunit2ByteForByte() throws IOException {
            CommandRun run = CommandRun.subunit(sample(), "convert", "--from", "subunit2", "--to", "subunit2");

            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(Arrays.equals(run.stdout(), sample())).isTrue();
        }

        @Test
        void rejectsAnUnknownFormatInOneLine() throws IOException {
            CommandRun run = CommandRun.subunit(sample(), "convert", "--to", "yaml");

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.stderr()).contains("unknown format 'yaml'").doesNotContain("Exception");
        }
    }

    @Test
    void aMissingFileIsOneLineWithoutStackTrace(@TempDir Path dir) {
        CommandRun run = CommandRun.subunit(
                new byte[0], "stats", dir.resolve("nope.subunit").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr())
                .isEqualTo("subunit stats: cannot read " + dir.resolve("nope.subunit") + ": no such file\n");
    }
}
