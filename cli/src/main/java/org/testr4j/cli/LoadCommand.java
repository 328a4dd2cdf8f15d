package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        List<Path> sources = files.isEmpty() ? List.of(Path.of("-")) : files;
        int exit = ExitCode.OK;
        try (FileRepository repo = parent.openRepository()) {
            PrintWriter out = parent.out();
            for (Path source : sources) {
                boolean stdin = source.toString().equals("-");
                String label = stdin ? "<stdin>" : source.toString();
                // The command that made this run: one file each, however many were named.
                RunMetadata meta =
                        RunMetadata.capture(parent.directory(), "testr load " + (partial ? "--partial " : "") + source);
                if (partial) {
                    meta = meta.with(RunMetadata.PARTIAL, "true");
                }
                StoredRun run;
                try (InputStream raw = stdin ? io.in() : open(source);
                        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
                    try (InputStream v2 = InputFormat.detect(in).toV2(in, label)) {
                        run = repo.load(v2, meta);
                    }
                }
                if (new RunReport(out).show(repo, run) != ExitCode.OK) {
                    exit = ExitCode.TESTS_FAILED;
                }
            }
            out.flush();
        }
        return exit;
    }

    private static InputStream open(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            throw new UserException("cannot load " + source + ": it is a directory; name a stream file");
        }
        try {
            return Files.newInputStream(source);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot load " + source + ": no such file");
        }
    }
}
