package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code testr info}: what is known about a run. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show a run's metadata: when, how long, command, host, Java, git commit, seed, whether it was"
                + " interrupted; exit 1 if it failed.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Parameters(
            paramLabel = "RUN",
            arity = "0..1",
            defaultValue = "-1",
            description = "The run: an id, or -1 for the latest (the default), -2 the one before.")
    String run;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            StoredRun r = repo.run(TestrCommand.runRef(run));
            PrintWriter out = parent.out();
            String row = "%-13s %s%n";
            out.printf(Locale.ROOT, row, "run:", r.id());
            out.printf(
                    Locale.ROOT,
                    row,
                    "started:",
                    r.startTime().map(Object::toString).orElse("unknown"));
            out.printf(
                    Locale.ROOT,
                    row,
                    "stopped:",
                    r.stop() == null ? "unknown" : r.stop().toString());
            out.printf(
                    Locale.ROOT,
                    row,
                    "duration:",
                    RunReport.seconds(r.wallTime().toNanos()));
            out.printf(Locale.ROOT, row, "test time:", RunReport.seconds(r.testTimeNanos()));
            out.printf(
                    Locale.ROOT,
                    row,
                    "tests:",
                    r.counts().total() + " (passed " + r.counts().passed() + ", failed "
                            + r.counts().failures()
                            + ", skipped " + r.counts().skipped() + ", expected failures "
                            + r.counts().expectedFailures() + ")");
            out.printf(Locale.ROOT, row, "partial:", r.partial() ? "yes" : "no");
            out.printf(
                    Locale.ROOT,
                    row,
                    "interrupted:",
                    r.interrupted() ? "yes (" + r.counts().inProgress() + " tests still running)" : "no");
            out.printf(Locale.ROOT, row, "size:", r.sizeOnDisk() + " bytes");
            for (Map.Entry<String, String> e : r.metadata().values().entrySet()) {
                if (!e.getKey().equals(RunMetadata.PARTIAL)) {
                    out.printf(Locale.ROOT, row, e.getKey() + ":", e.getValue());
                }
            }
            out.flush();
            return r.successful() ? ExitCode.OK : ExitCode.TESTS_FAILED;
        }
    }
}
