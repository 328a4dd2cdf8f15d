package org.testr4j.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's command line, parsed by hand so the worker needs nothing but the JDK and JUnit:
 * {@code [--scan DIR]... [--include PATTERN]... [--exclude PATTERN]... [--prefix TEXT] [--list |
 * --ids FILE | --feed]}. Without a mode the worker runs every test it discovers.
 *
 * <pre>{@code
 * WorkerArguments.parse("--scan", "target/test-classes", "--list").mode(); // Mode.LIST
 * }</pre>
 *
 * @param scanDirs class directories whose classes are scanned for tests
 * @param includes Surefire include patterns; empty for Surefire's defaults
 * @param excludes Surefire exclude patterns; empty for Surefire's default
 * @param prefix put in front of every test id ({@code core:}); empty for none
 * @param mode what to do
 * @param idsFile the file naming the tests to run, for {@link Mode#IDS}; else null
 */
record WorkerArguments(
        List<Path> scanDirs, List<String> includes, List<String> excludes, String prefix, Mode mode, Path idsFile) {

    /** What the worker does. */
    enum Mode {
        RUN_ALL,
        LIST,
        IDS,
        FEED
    }

    static final String USAGE = "usage: JUnitWorker [--scan DIR]... [--include PATTERN]... [--exclude PATTERN]..."
            + " [--prefix TEXT] [--list | --ids FILE | --feed]";

    WorkerArguments {
        scanDirs = List.copyOf(scanDirs);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * Parses {@code args}, accepting {@code --option value} and {@code --option=value}.
     *
     * @throws IllegalArgumentException with a message for the user when the arguments are wrong
     */
    static WorkerArguments parse(String... args) {
        List<Path> scanDirs = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        String prefix = "";
        Mode mode = Mode.RUN_ALL;
        Path idsFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            switch (option) {
                case "--scan":
                case "--include":
                case "--exclude":
                case "--prefix":
                case "--ids":
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
                        }
                        value = args[++i];
                    }
                    if (option.equals("--scan")) {
                        Path dir = Path.of(value);
                        if (!Files.isDirectory(dir)) {
                            throw new IllegalArgumentException("--scan " + value + ": no such directory");
                        }
                        scanDirs.add(dir);
                    } else if (option.equals("--include")) {
                        includes.add(value);
                    } else if (option.equals("--exclude")) {
                        excludes.add(value);
                    } else if (option.equals("--prefix")) {
                        prefix = value;
                    } else {
                        mode = chooseMode(mode, Mode.IDS, option);
                        idsFile = Path.of(value);
                    }
                    break;
                case "--list":
                case "--feed":
                    if (inlineValue != null) {
                        throw new IllegalArgumentException(option + " takes no value, was given '" + inlineValue + "'");
                    }
                    mode = chooseMode(mode, option.equals("--list") ? Mode.LIST : Mode.FEED, option);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
            }
        }
        if ((mode == Mode.LIST || mode == Mode.RUN_ALL) && scanDirs.isEmpty()) {
            throw new IllegalArgumentException(
                    (mode == Mode.LIST ? "--list" : "running every test") + " needs at least one --scan DIR; " + USAGE);
        }
        SurefirePatterns.of(includes, excludes); // reject a bad %regex[...] here, as a usage error
        return new WorkerArguments(scanDirs, includes, excludes, prefix, mode, idsFile);
    }

    private static Mode chooseMode(Mode current, Mode next, String option) {
        if (current != Mode.RUN_ALL) {
            throw new IllegalArgumentException(
                    option + ": only one of --list, --ids FILE and --feed may be given; " + USAGE);
        }
        return next;
    }
}
