package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code testr slowest}: where the latest run spent its time. */
@Command(
        name = "slowest",
        mixinStandardHelpOptions = true,
        description = "Show the slowest tests of the latest run and the share of test time each took.")
final class SlowestCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @ArgGroup(exclusive = true)
    Count count = new Count();

    static final class Count {
        @Option(names = "--all", description = "Every timed test, slowest first.")
        boolean all;

        @Option(names = "-n", paramLabel = "N", description = "The N slowest (default: ${DEFAULT-VALUE}).")
        int n = 10;
    }

    @Override
    public Integer call() throws IOException {
        if (!count.all && count.n < 1) {
            throw new UserException("-n must be 1 or more, was " + count.n, ExitCode.USAGE);
        }
        try (FileRepository repo = parent.openRepository()) {
            StoredRun run = repo.run(-1);
            List<TestOutcome> timed = new ArrayList<>();
            for (TestOutcome o : repo.outcomes(run.id())) {
                if (o.durationNanos() >= 0) {
                    timed.add(o);
                }
            }
            timed.sort(Comparator.comparingLong(TestOutcome::durationNanos).reversed());
            List<TestOutcome> shown = count.all ? timed : timed.subList(0, Math.min(count.n, timed.size()));
            print(shown, run.testTimeNanos());
            return ExitCode.OK;
        }
    }

    /** stestr's table, plus the share of the run's summed test time. */
    private void print(List<TestOutcome> shown, long totalNanos) {
        int width = "Test id".length();
        for (TestOutcome o : shown) {
            width = Math.max(width, o.testId().length());
        }
        TextTable table = new TextTable("lrr")
                .row("Test id", "Runtime (s)", "Share")
                .row("-".repeat(width), "-".repeat(11), "-".repeat(7));
        for (TestOutcome o : shown) {
            double share = totalNanos <= 0 ? 0 : 100.0 * o.durationNanos() / totalNanos;
            table.row(o.testId(), TextTable.seconds(o.durationNanos()), TextTable.fixed(share, 1) + "%");
        }
        PrintWriter out = parent.out();
        table.printTo(out);
        out.flush();
    }
}
