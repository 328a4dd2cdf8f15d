package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RepositoryNotFoundException;
import org.testr4j.runner.config.ConfigException;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.maven.MavenException;
import org.testr4j.runner.maven.MavenTestSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code testr}: the test repository and runner. */
@Command(
        name = "testr",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A test repository and parallel test runner for the JVM and any language that speaks subunit.")
final class TestrCommand implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. They are registered by {@link
     * Commands}, only the one being run when the command line names one: picocli reads each
     * command's annotations when it is registered, which costs more start-up time than the command.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("init", InitCommand.class);
        all.put("load", LoadCommand.class);
        all.put("last", LastCommand.class);
        all.put("failing", FailingCommand.class);
        all.put("stats", RepositoryStatsCommand.class);
        all.put("slowest", SlowestCommand.class);
        all.put("history", HistoryCommand.class);
        all.put("export", ExportCommand.class);
        all.put("info", InfoCommand.class);
        all.put("flaky", FlakyCommand.class);
        all.put("log", LogCommand.class);
        all.put("import", ImportCommand.class);
        all.put("run", RunCommand.class);
        all.put("rerun", RerunCommand.class);
        all.put("list", ListCommand.class);
        all.put("config", ConfigCommand.class);
        return Collections.unmodifiableMap(all);
    }

    private final StandardStreams streams;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-C", "--directory"},
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Work in DIR: the repository is DIR/.testr (default: the current directory).")
    Path directory;

    TestrCommand(StandardStreams streams) {
        this.streams = streams;
    }

    StandardStreams streams() {
        return streams;
    }

    Path directory() {
        return directory;
    }

    /** Opens the repository; repairs to its index are reported on stderr. */
    FileRepository openRepository() throws IOException {
        PrintWriter err = streams.err();
        SqliteNativeLibrary.useCachedCopy();
        return FileRepository.open(directory, notice -> err.println("testr: " + notice));
    }

    /**
     * Opens the repository, creating it first if there is none, as testrepository's {@code testr
     * run} does on a project's first run.
     */
    FileRepository openOrCreateRepository() throws IOException {
        SqliteNativeLibrary.useCachedCopy();
        PrintWriter err = streams.err();
        try {
            return FileRepository.open(directory, notice -> err.println("testr: " + notice));
        } catch (RepositoryNotFoundException e) {
            FileRepository repo = FileRepository.init(directory, notice -> err.println("testr: " + notice));
            err.println("testr: created a repository at "
                    + repo.root().toAbsolutePath().normalize());
            return repo;
        }
    }

    /**
     * The project's test configuration: its {@code .testr.conf}, or for a Maven project without one
     * the configuration testr writes to run its tests through the JUnit worker (compiling them first
     * when {@code build}). A missing or bad one is one line naming the file, line and key.
     */
    TestrConf loadConf(boolean build) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (MavenTestSetup.applies(dir)) {
                PrintWriter err = streams.err();
                Path conf = MavenTestSetup.prepare(
                        dir,
                        new MavenTestSetup.Options(build, JUnitWorkerJar.locate(), JUnitWorkerJar.java()),
                        note -> {
                            err.println("testr: " + note);
                            err.flush();
                        });
                return TestrConf.read(conf);
            }
            return TestrConf.load(dir);
        } catch (ConfigException | MavenException e) {
            throw new UserException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while Maven built the project");
        }
    }

    /** A text writer over stdout; the caller flushes it. */
    PrintWriter out() {
        return new PrintWriter(streams.out(), false, StandardCharsets.UTF_8);
    }

    /** A run named on the command line: an id, or a negative index from the latest. */
    static int runRef(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UserException(
                    "run '" + text + "' is not a run id: give a number (3) or count back from the latest (-1)",
                    ExitCode.USAGE);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
