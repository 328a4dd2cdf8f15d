package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.TestHistory;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.maven.SurefireReportTimes;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.runner.schedule.TestSelection;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.runner.schedule.TimingPartitioner;
import org.testr4j.runner.worker.ListedTests;
import org.testr4j.runner.worker.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code testr run}: list the tests, select, partition them by recorded durations, run the workers
 * and store their combined stream live as one new run.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the tests with .testr.conf's test command: list them, keep those the filters select,"
                + " split them across workers by their recorded durations, store the combined stream live as a new"
                + " run (creating the repository if there is none), show one line per finished test, then the"
                + " failures and the summary. Exit 0 only if every test passed and no worker crashed.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Mixin
    BuildOptions build;

    @Spec
    CommandSpec spec;

    @Mixin
    TestFilterOptions filters;

    @Mixin
    ConcurrencyOptions concurrency;

    @Mixin
    SchedulingOptions scheduling;

    @Option(names = "--failing", description = "Run only the tests failing now (implies --partial).")
    boolean failing;

    @Option(
            names = "--partial",
            description = "Only some tests run: merge the results into the failing set rather than replace it.")
    boolean partial;

    @Option(
            names = "--load-list",
            paramLabel = "FILE",
            description = "Run only the tests listed in FILE, one id a line (or a subunit stream of them).")
    Path loadList;

    @Option(
            names = "--random",
            description = "Shuffle each worker's tests; the seed is printed and stored with the run.")
    boolean random;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The seed for --random (implies it); the same seed gives the same order.")
    Long seed;

    @Option(names = "--until-failure", description = "Run again and again until a run fails.")
    boolean untilFailure;

    @Option(
            names = "--subunit",
            description = "Write the combined subunit v2 stream to standard output instead of the human view.")
    boolean subunit;

    @Option(
            names = "--isolated",
            description = "Run each test in its own process (one test command per test id), still -j N at once.")
    boolean isolated;

    private Path directory;

    @Override
    public Integer call() throws IOException, InterruptedException {
        directory = parent.directory().toAbsolutePath().normalize();
        TestrConf conf = parent.loadConf(!build.noBuild);
        TestSelection selection = filters.selection();
        ConcurrencyOptions.Workers workers = concurrency.resolve(conf, directory);
        if (isolated
                && loadList == null
                && !failing
                && !conf.commandTemplate(List.of()).canList()) {
            throw cannotIsolate(); // before the repository is created: nothing can run
        }
        try (FileRepository repo = parent.openOrCreateRepository()) {
            int exit;
            do {
                exit = runOnce(conf, selection, workers, repo);
            } while (untilFailure && exit == ExitCode.OK);
            return exit;
        }
    }

    private int runOnce(
            TestrConf conf, TestSelection selection, ConcurrencyOptions.Workers workers, FileRepository repo)
            throws IOException, InterruptedException {
        PrintWriter err = parent.streams().err();
        CommandTemplate template = conf.commandTemplate(List.of());
        Long runSeed =
                random || seed != null ? (seed != null ? seed : new SecureRandom().nextInt(Integer.MAX_VALUE)) : null;
        ToRun toRun = testsToRun(conf, template, selection, workers, runSeed != null, repo);
        List<String> ids = toRun == null ? null : toRun.ids();
        Set<String> inOrder = toRun == null ? Set.of() : toRun.inOrder();
        if (ids != null && ids.isEmpty()) {
            err.println("testr run: no tests to run" + (failing ? ": none is failing" : " after selection"));
            return ExitCode.OK;
        }
        Schedule schedule = null;
        if (ids == null && isolated) {
            throw cannotIsolate();
        }
        TestTimes times = ids == null ? null : timesFor(conf, repo);
        if (ids != null && workers.workers() == 1 && runSeed == null && !isolated) {
            // serial: the listed order, as testr does
            schedule = Schedule.fixed(List.of(new Partition(0, ids, Duration.ZERO)));
        } else if (ids != null) {
            if (isolated || runSeed != null || !scheduling.chunking(true)) {
                // a seed fixes each worker's order, so it needs its list up front
                TimingPartitioner partitioner = SchedulingOptions.partitioner(conf, workers.workers(), times, inOrder);
                List<Partition> parts =
                        runSeed == null ? partitioner.partition(ids) : partitioner.partition(ids, runSeed);
                schedule = isolated ? Schedule.isolated(parts) : Schedule.fixed(parts);
            } else {
                schedule = SchedulingOptions.sharedQueue(conf, template, ids, times, workers.workers(), inOrder);
            }
        }
        if (schedule != null) {
            schedule = scheduling.apply(schedule, times);
        } else if (runSeed != null) {
            err.println("testr run: --random needs the tests listed ($LISTOPT in test_command): running in the"
                    + " command's own order");
            runSeed = null;
        }
        if (runSeed != null) {
            err.println("testr run: random order, seed " + runSeed);
        }
        RunMetadata meta = RunMetadata.capture(directory, commandLine())
                .with(RunMetadata.CONCURRENCY, Integer.toString(schedule == null ? 1 : workers.workers()));
        if (runSeed != null) {
            meta = meta.with(RunMetadata.SEED, Long.toString(runSeed));
        }
        if (partial || failing) {
            meta = meta.with(RunMetadata.PARTIAL, "true");
        }
        if (isolated) {
            meta = meta.with(RunMetadata.ISOLATED, "true");
        }
        return new LiveRun(parent, "testr run", subunit, conf.filterTags())
                .execute(repo, template, schedule, scheduling, times, meta);
    }

    /**
     * The durations to schedule by: the repository's, or, before it has any, those of the Surefire
     * reports a Maven project's last {@code mvn test} left (see {@link SurefireReportTimes}).
     */
    private TestTimes timesFor(TestrConf conf, FileRepository repo) throws IOException {
        RepositoryTestTimes recorded = RepositoryTestTimes.of(repo);
        if (recorded.size() > 0 || conf.file() == null) {
            return recorded;
        }
        Path list = conf.file().resolveSibling(SurefireReportTimes.LIST);
        Optional<java.util.Map<String, Duration>> reported = SurefireReportTimes.read(list);
        if (reported.isEmpty()) {
            return recorded;
        }
        parent.streams()
                .err()
                .println("testr run: no history yet: scheduling by the times in Surefire's reports ("
                        + reported.get().size() + " tests)");
        return TestTimes.of(reported.get());
    }

    /** The tests to run, in listed order, and those of them the listing says must run in their group's order. */
    private record ToRun(List<String> ids, Set<String> inOrder) {}

    /**
     * The tests to run in listed order, or null when one worker runs every test (or the command
     * cannot list its tests and nothing narrows them): then it runs once, choosing its own tests.
     */
    private ToRun testsToRun(
            TestrConf conf,
            CommandTemplate template,
            TestSelection selection,
            ConcurrencyOptions.Workers workers,
            boolean shuffled,
            FileRepository repo)
            throws IOException {
        Set<String> wanted = null; // null: no restriction
        if (failing) {
            wanted = new LinkedHashSet<>();
            for (TestHistory t : repo.failing()) {
                wanted.add(t.testId());
            }
        }
        if (loadList != null) {
            Set<String> listed = new LinkedHashSet<>(readLoadList(loadList));
            if (wanted != null) {
                listed.retainAll(wanted);
            }
            wanted = listed;
        }
        if (wanted == null && selection.keepsAll() && workers.workers() == 1 && !shuffled && !isolated) {
            return null; // as testrepository: one process runs everything, no listing needed
        }
        if (template.canList()) {
            ListedTests.Listing listing = ListCommand.listing(conf, directory);
            List<String> ids = new ArrayList<>();
            for (String id : listing.ids()) {
                if (wanted == null || wanted.contains(id)) {
                    ids.add(id);
                }
            }
            return new ToRun(selection.apply(ids), listing.inOrder());
        }
        if (!selection.keepsAll()) {
            ListCommand.listed(conf, directory); // says why it cannot list
        }
        if (wanted != null) {
            return new ToRun(new ArrayList<>(wanted), Set.of());
        }
        if (workers.option() != null && workers.workers() > 1) {
            parent.streams()
                    .err()
                    .println("testr run: test_command does not use $LISTOPT, so its tests cannot be split:"
                            + " running one worker");
        }
        return null;
    }

    private static UserException cannotIsolate() {
        return new UserException("--isolated needs the tests listed: test_command must use $LISTOPT, and"
                + " test_list_option say how to list them (or name the tests with --load-list)");
    }

    private static List<String> readLoadList(Path file) throws IOException {
        try {
            return ListedTests.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read --load-list " + file + ": no such file");
        }
    }

    /** The command line as typed, stored with the run so it can be run again. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "testr " + String.join(" ", args);
    }
}
