package org.testr4j.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code testr init}: create the repository. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a repository in .testr/ here.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo =
                FileRepository.init(parent.directory(), parent.streams().err()::println)) {
            parent.streams()
                    .err()
                    .println("testr: created a repository at "
                            + repo.root().toAbsolutePath().normalize());
        } catch (FileAlreadyExistsException e) {
            throw new UserException(e.getReason());
        }
        return ExitCode.OK;
    }
}
