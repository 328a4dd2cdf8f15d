package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code testr stats}: the repository in numbers. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Show the repository's runs, the tests it knows, and its size on disk.")
final class RepositoryStatsCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            PrintWriter out = parent.out();
            long size = repo.sizeOnDisk();
            out.println("runs=" + repo.runs().size()); // testrepository's and stestr's first line
            out.println("tests=" + repo.tests().size());
            out.println("size=" + size + " bytes (" + TextTable.fixed(size / 1048576.0, 1) + " MiB)");
            out.println("path=" + repo.root().toAbsolutePath().normalize());
            out.flush();
            return ExitCode.OK;
        }
    }
}
