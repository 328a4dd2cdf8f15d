package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code subunit stats}: the counts {@code subunit-stats} prints, plus expected failures and test time. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Count the tests in a stream by outcome (like subunit-stats); exit 1 if any failed.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        Summary summary = new Summary();
        StreamInput.Outcome outcome = input.pump(io, "subunit stats", summary, null);
        PrintWriter out = new PrintWriter(io.out(), false, java.nio.charset.StandardCharsets.UTF_8);
        long failed = summary.count(TestStatus.FAIL);
        long skipped = summary.count(TestStatus.SKIP);
        // The first five lines are subunit-stats' own, so scripts that parse it keep working.
        out.printf("Total tests:   %5d%n", summary.total());
        out.printf("Passed tests:  %5d%n", summary.total() - failed - skipped);
        out.printf("Failed tests:  %5d%n", failed);
        out.printf("Skipped tests: %5d%n", skipped);
        out.printf("Seen tags: %s%n", String.join(", ", summary.tags()));
        out.printf("Expected failures:    %5d%n", summary.count(TestStatus.EXPECTED_FAIL));
        out.printf("Unexpected successes: %5d%n", summary.count(TestStatus.UNEXPECTED_SUCCESS));
        out.printf("Test time: %.3fs%n", summary.testTime().toNanos() / 1e9);
        out.flush();
        if (!outcome.clean()) {
            return ExitCode.BAD_INPUT;
        }
        return summary.wasSuccessful() ? ExitCode.OK : ExitCode.TESTS_FAILED;
    }
}
