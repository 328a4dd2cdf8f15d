package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.TestHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code testr flaky}: tests whose outcome keeps changing. */
@Command(
        name = "flaky",
        mixinStandardHelpOptions = true,
        description = "Rank tests by how often their outcome flipped between pass and fail from one run to the"
                + " next; a test that always fails never flips and ranks low.")
final class FlakyCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Option(names = "-n", paramLabel = "N", description = "Show the top N (default: ${DEFAULT-VALUE}).")
    int n = 10;

    @Option(
            names = "--min-runs",
            paramLabel = "N",
            description = "Only tests run at least N times (default: ${DEFAULT-VALUE}).")
    int minRuns = 2;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            List<TestHistory> flaky = new ArrayList<>();
            for (TestHistory t : repo.tests()) {
                if (t.flips() > 0 && t.runs() >= minRuns) {
                    flaky.add(t);
                }
            }
            flaky.sort(Comparator.comparingDouble(TestHistory::flipPercent)
                    .thenComparingInt(TestHistory::flips)
                    .reversed()
                    .thenComparing(TestHistory::testId));
            List<TestHistory> shown = flaky.subList(0, Math.min(n, flaky.size()));
            TextTable table = new TextTable("lrrrr").row("Test id", "Runs", "Flips", "Flip %", "Fail %");
            for (TestHistory t : shown) {
                table.row(
                        t.testId(),
                        t.runs(),
                        t.flips(),
                        TextTable.fixed(t.flipPercent(), 1),
                        TextTable.fixed(t.failurePercent(), 1));
            }
            PrintWriter out = parent.out();
            table.printTo(out);
            out.flush();
            return ExitCode.OK;
        }
    }
}
