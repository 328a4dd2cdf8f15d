package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code testr history}: the runs kept. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "List, show or remove runs.",
        subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.ShowRun.class, HistoryCommand.RemoveRun.class})
final class HistoryCommand implements Runnable {
    @ParentCommand
    TestrCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code testr history list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the runs: time, counts, duration.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Option(names = "-n", paramLabel = "N", description = "Only the latest N runs.")
        int n = -1;

        @Override
        public Integer call() throws IOException {
            TestrCommand testr = history.parent;
            try (FileRepository repo = testr.openRepository()) {
                var runs = repo.runs();
                if (n >= 0 && runs.size() > n) {
                    runs = runs.subList(runs.size() - n, runs.size());
                }
                TextTable table = new TextTable("rlrrrrl")
                        .row("Run", "Start (UTC)", "Passed", "Failed", "Skipped", "Runtime (s)", "Notes");
                for (StoredRun run : runs) {
                    String notes = (run.partial() ? "partial " : "") + (run.interrupted() ? "interrupted" : "");
                    table.row(
                            run.id(),
                            run.startTime().map(TextTable::utc).orElse("-"),
                            run.counts().passed() + run.counts().expectedFailures(),
                            run.counts().failures(),
                            run.counts().skipped(),
                            TextTable.seconds(run.wallTime().toNanos()),
                            notes.trim());
                }
                PrintWriter out = testr.out();
                table.printTo(out);
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    /** {@code testr history show RUN}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show one run as 'testr last' does; exit 1 if it failed.")
    static final class ShowRun implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", description = "The run: an id, or -1 for the latest, -2 the one before.")
        String run;

        @Option(names = "--subunit", description = "Write the run's v2 stream to standard output instead.")
        boolean subunit;

        @Override
        public Integer call() throws IOException {
            try (FileRepository repo = history.parent.openRepository()) {
                return LastCommand.show(history.parent, repo, repo.run(TestrCommand.runRef(run)), subunit);
            }
        }
    }

    /** {@code testr history remove RUN}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a run and its stream.")
    static final class RemoveRun implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", description = "The run: an id, or -1 for the latest, -2 the one before.")
        String run;

        @Override
        public Integer call() throws IOException {
            try (FileRepository repo = history.parent.openRepository()) {
                StoredRun gone = repo.run(TestrCommand.runRef(run));
                repo.remove(gone.id());
                history.parent.streams().err().println("testr: removed run " + gone.id());
                return ExitCode.OK;
            }
        }
    }
}
