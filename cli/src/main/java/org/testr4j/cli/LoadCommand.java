package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code testr load}: store streams as new runs. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description =
                "Store each stream (subunit v2 or v1, detected; default standard input) as a new run and show its summary;"
                        + " exit 1 if it had failures.")
final class LoadCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Parameters(paramLabel = "FILE", description = "Streams to load ('-' or none: standard input).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--partial",
            description =
                    "The run ran only some tests: merge its results into the failing set" + " rather than replace it.")
    boolean partial;

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        StreamInput input = new StreamInput();
        input.files = files;
        int exit = ExitCode.OK;
        try (FileRepository repo = parent.openRepository()) {
            PrintWriter out = parent.out();
            for (StreamInput.Source source : input.sources(io)) {
                String label = source.label();
                // The command that made this run: one file each, however many were named.
                RunMetadata meta = RunMetadata.capture(
                        parent.directory(), "testr load " + (partial ? "--partial " : "") + source.arg());
                if (partial) {
                    meta = meta.with(RunMetadata.PARTIAL, "true");
                }
                StoredRun run;
                boolean empty;
                // Standard input stays open after the run: StreamInput's stream does not close it.
                try (BufferedInputStream in = new BufferedInputStream(source.open("load"), 1 << 16)) {
                    in.mark(1);
                    empty = in.read() < 0;
                    in.reset();
                    try (InputStream v2 = InputFormat.detect(in).toV2(in)) {
                        run = repo.load(v2, meta);
                    }
                }
                int shown = new RunReport(out).show(repo, run);
                if (!empty && run.counts().total() == 0) {
                    // Kept (nothing is lost), but a build log loaded by mistake should not pass silently.
                    out.flush();
                    io.err()
                            .println("testr load: " + label + ": no tests in it (kept as run " + run.id()
                                    + "): is it a test stream (subunit v2 or v1)?");
                    exit = ExitCode.BAD_INPUT;
                } else if (shown != ExitCode.OK && exit == ExitCode.OK) {
                    exit = ExitCode.TESTS_FAILED;
                }
            }
            out.flush();
        }
        return exit;
    }
}
