package org.testr4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.worker.CommandException;
import org.testr4j.runner.worker.ListedTests;
import org.testr4j.runner.worker.TestLister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code testr list}: the tests the project's test command lists. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the tests .testr.conf's test command lists ($LISTOPT), one id a line, keeping those the"
                + " filters select.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Mixin
    BuildOptions build;

    @Mixin
    TestFilterOptions filters;

    @Override
    public Integer call() {
        TestrConf conf = parent.loadConf(!build.noBuild);
        var selection = filters.selection();
        PrintWriter out = parent.out();
        for (String id : selection.apply(listed(conf, parent.directory()))) {
            out.println(id);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The ids the test command lists; a command that cannot list or fails is the user's to fix. */
    static List<String> listed(TestrConf conf, Path directory) {
        return listing(conf, directory).ids();
    }

    /** As {@link #listed}, with the tests the listing says must run in their group's order. */
    static ListedTests.Listing listing(TestrConf conf, Path directory) {
        try {
            return new TestLister(directory.toAbsolutePath().normalize()).listing(conf.commandTemplate(List.of()));
        } catch (CommandException e) {
            throw new UserException(e.getMessage());
        }
    }
}
