package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code testr last}: the latest run. */
@Command(
        name = "last",
        mixinStandardHelpOptions = true,
        description = "Show the latest run: its failures with their output, then its summary; exit 1 if it failed.")
final class LastCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Option(names = "--subunit", description = "Write the run's v2 stream to standard output instead.")
    boolean subunit;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            return show(parent, repo, repo.run(-1), subunit);
        }
    }

    /** Shows {@code run} as text or writes its stream: shared with {@code history show} and {@code export}. */
    static int show(TestrCommand parent, FileRepository repo, StoredRun run, boolean asStream) throws IOException {
        if (asStream) {
            try (InputStream in = repo.openStream(run.id())) {
                in.transferTo(parent.streams().out());
            }
            parent.streams().out().flush();
            return RunReport.passed(run) ? ExitCode.OK : ExitCode.TESTS_FAILED;
        }
        PrintWriter out = parent.out();
        int exit = new RunReport(out).show(repo, run);
        out.flush();
        return exit;
    }
}
