package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.PythonOracle;

/**
 * {@code subunit trace} against os-testr's {@code subunit-trace} on the same stream: the same tests
 * with the same outcomes, and the same totals. Worker labels differ on purpose: os-testr reads
 * {@code worker-N} tags, we read route codes, which is what a multiplexed stream carries.
 */
class TraceParityIT {
    private static final Path ROOT =
            Path.of(System.getProperty("testr4j.projectRoot", "..")).toAbsolutePath();

    @TempDir
    static Path dir;

    @BeforeAll
    static void stream() throws Exception {
        PythonOracle.require("subunit-trace");
        LauncherIT.Result made = LauncherIT.sh(
                dir,
                PythonOracle.PYTHON + " " + PythonOracle.benchScript("gen_stream.py")
                        + " 2000 stream.subunit --seed 5 --fail-pct 10 --skip-pct 5");
        assertThat(made.exitCode()).as(made.stderr()).isZero();
    }

    /** Each test line as "id ... outcome", without the worker label and the duration. */
    private static final String TEST_LINES = " | grep '^{' | sed -E 's/^\\{[^}]*\\} //; s/ \\[[0-9.]+s\\]//' | sort";

    @Test
    void showsTheSameTestsWithTheSameOutcomes() throws Exception {
        LauncherIT.Result ours =
                LauncherIT.sh(dir, ROOT + "/bin/subunit trace --no-color -n < stream.subunit" + TEST_LINES);
        LauncherIT.Result theirs = LauncherIT.sh(dir, "subunit-trace -n < stream.subunit" + TEST_LINES);

        assertThat(ours.stdout().lines()).hasSize(2000);
        assertThat(ours.stdout()).isEqualTo(theirs.stdout());
    }

    @Test
    void reportsTheSameTotals() throws Exception {
        String totals = " | grep -E '^ - (Passed|Skipped|Expected Fail|Unexpected Success|Failed):|^Ran: [0-9]+ tests'"
                + " | sed -E 's/ in [0-9.]+ sec\\.//'";
        LauncherIT.Result ours =
                LauncherIT.sh(dir, ROOT + "/bin/subunit trace --no-color -n < stream.subunit" + totals);
        LauncherIT.Result theirs = LauncherIT.sh(dir, "subunit-trace -n < stream.subunit" + totals);

        assertThat(ours.stdout()).isNotEmpty().isEqualTo(theirs.stdout());
    }

    @Test
    void exitsNonZeroOnFailuresAsSubunitTraceDoes() throws Exception {
        LauncherIT.Result ours = LauncherIT.sh(dir, ROOT + "/bin/subunit trace -n < stream.subunit > /dev/null");
        LauncherIT.Result theirs = LauncherIT.sh(dir, "subunit-trace -n < stream.subunit > /dev/null");

        assertThat(ours.exitCode()).isEqualTo(1).isEqualTo(theirs.exitCode());
    }
}
