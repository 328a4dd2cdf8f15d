package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunInterruptionTest {
    private final StringWriter err = new StringWriter();
    private final List<String> stops = new ArrayList<>();
    private final List<Integer> exits = new ArrayList<>();
    private final RunInterruption interruption =
            new RunInterruption("testr run", new PrintWriter(err, true), () -> stops.add("stop"), exits::add);

    @Test
    void theFirstSignalStopsTheRunOnceAndAsksForExit130() {
        interruption.signalled("INT");

        assertThat(stops).containsExactly("stop");
        assertThat(exits).isEmpty();
        assertThat(interruption.interrupted()).isTrue();
        assertThat(interruption.signal()).isEqualTo("INT");
        assertThat(interruption.exitCode()).isEqualTo(ExitCode.INTERRUPTED).isEqualTo(130);
        assertThat(err.toString())
                .isEqualTo("testr run: interrupted (SIGINT): stopping the workers and keeping the partial run;"
                        + " interrupt again to exit at once\n");
    }

    @Test
    void aSecondSignalExitsAtOnce() {
        interruption.signalled("TERM");
        interruption.signalled("INT");

        assertThat(stops).containsExactly("stop");
        assertThat(exits).containsExactly(130);
        assertThat(interruption.exitCode()).as("the first signal's").isEqualTo(ExitCode.TERMINATED);
        assertThat(err.toString()).endsWith("testr run: interrupted again (SIGINT): exiting at once\n");
    }

    @Test
    void withoutASignalTheRunIsNotInterrupted() {
        assertThat(interruption.interrupted()).isFalse();
        assertThat(interruption.exitCode()).isZero();
    }

    @Test
    void installsAndPutsBackTheHandlersWithoutASignal() {
        try (RunInterruption installed = RunInterruption.install("testr run", new PrintWriter(err), () -> {})) {
            assertThat(installed.interrupted()).isFalse();
        }

        assertThat(err.toString()).isEmpty();
    }
}
