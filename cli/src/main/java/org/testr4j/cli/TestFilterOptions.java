package org.testr4j.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testr4j.runner.schedule.TestSelection;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The test filters {@code testr run} and {@code testr list} share: regexes over test ids, as stestr has them. */
final class TestFilterOptions {
    @Parameters(
            paramLabel = "FILTER",
            description = "Run only tests whose id contains a match for one of these regexes (default: all).")
    List<String> filters = new ArrayList<>();

    @Option(
            names = {"-e", "--exclude-regex"},
            paramLabel = "REGEX",
            description = "Leave out tests whose id contains a match.")
    String excludeRegex;

    @Option(
            names = "--exclude-list",
            paramLabel = "FILE",
            description = "Leave out tests matching any regex in FILE (one a line, # comments).")
    Path excludeList;

    @Option(
            names = "--include-list",
            paramLabel = "FILE",
            description = "Keep only tests matching a regex in FILE (one a line, # comments), as well as the FILTERs.")
    Path includeList;

    /** The selection these options make; a bad regex or a missing list file is the user's to fix. */
    TestSelection selection() {
        TestSelection.Builder b = TestSelection.builder();
        try {
            filters.forEach(b::include);
            if (excludeRegex != null) {
                b.excludeRegex(excludeRegex);
            }
            if (includeList != null) {
                b.includeList(includeList);
            }
            if (excludeList != null) {
                b.excludeList(excludeList);
            }
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), ExitCode.USAGE);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read the list " + e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new UserException("cannot read a test list: " + e.getMessage());
        }
        return b.build();
    }
}
