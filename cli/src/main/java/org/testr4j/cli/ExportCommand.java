package org.testr4j.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code testr export}: a run's stream, for any subunit tool. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a run's v2 stream, exactly as it arrived, to standard output; exit 1 if it failed.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Parameters(paramLabel = "RUN", description = "The run: an id, or -1 for the latest, -2 the one before.")
    String run;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            return LastCommand.show(parent, repo, repo.run(TestrCommand.runRef(run)), true);
        }
    }
}
