package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.StoredRun;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.runner.worker.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code testr rerun [RUN] [--worker ROUTE]}: runs exactly the tests of a stored run again as a new
 * run, each worker's tests in the order that worker ran them, with the run's concurrency, seed and
 * isolation; or, with {@code --worker}, only one worker's sequence, serially.
 */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        description = "Run exactly the tests of a stored run again, as a new run: each worker's tests in the order"
                + " that worker ran them, with the same concurrency, seed and isolation. With --worker, run only the"
                + " sequence one worker ran, in its order, serially: a failure that only shows up in one CI worker's"
                + " order is reproduced on one machine. Exit 0 only if every test passed.")
final class RerunCommand implements Callable<Integer> {
    private static final String NAME = "testr rerun";

    @ParentCommand
    TestrCommand parent;

    @Mixin
    BuildOptions build;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "RUN",
            description = "The run to repeat: its id, or a negative index from the latest (default: -1, the latest).")
    String runRef;

    @Option(
            names = "--worker",
            paramLabel = "ROUTE",
            description = "Run only the tests the worker with this route code ran (0, 1, ...), in its order, serially.")
    String worker;

    @Mixin
    SchedulingOptions scheduling;

    @Option(
            names = "--subunit",
            description = "Write the combined subunit v2 stream to standard output instead of the human view.")
    boolean subunit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path directory = parent.directory().toAbsolutePath().normalize();
        TestrConf conf = parent.loadConf(!build.noBuild);
        CommandTemplate template = conf.commandTemplate(List.of());
        if (!takesIds(template)) {
            throw new UserException("test_command '" + template.command() + "' in " + conf.file()
                    + " names no tests ($IDOPTION, $IDFILE or $IDLIST), so it cannot run a given list of tests again");
        }
        try (FileRepository repo = parent.openRepository()) {
            StoredRun original = repo.run(runRef == null ? -1 : TestrCommand.runRef(runRef));
            WorkerSequences sequences = WorkerSequences.read(repo, original.id());
            if (sequences.isEmpty()) {
                throw new UserException("run " + original.id() + " ran no tests: there is nothing to run again");
            }
            RunMetadata was = original.metadata();
            boolean isolated =
                    Boolean.parseBoolean(was.get(RunMetadata.ISOLATED).orElse("false"));
            List<Partition> partitions = new ArrayList<>();
            String concurrency;
            PrintWriter err = parent.streams().err();
            if (worker != null) {
                List<String> ids = sequences
                        .tests(worker.trim())
                        .orElseThrow(() -> new UserException("run " + original.id() + " ran no tests on worker '"
                                + worker + "': its tests ran on worker"
                                + (sequences.routes().size() == 1 ? " " : "s ")
                                + String.join(", ", sequences.routes())));
                partitions.add(new Partition(0, ids, Duration.ZERO));
                concurrency = "1";
                err.println(NAME + ": running the " + ids.size() + " test(s) worker " + worker.trim() + " of run "
                        + original.id() + " ran, in its order, serially");
            } else {
                int position = 0;
                for (Map.Entry<String, List<String>> e : sequences.all().entrySet()) {
                    partitions.add(new Partition(indexOf(e.getKey(), position++), e.getValue(), Duration.ZERO));
                }
                concurrency = was.get(RunMetadata.CONCURRENCY).orElse(Integer.toString(partitions.size()));
                int total =
                        partitions.stream().mapToInt(p -> p.testIds().size()).sum();
                err.println(NAME + ": running the " + total + " test(s) of run " + original.id() + " again on "
                        + partitions.size() + " worker(s), each in its order");
            }
            RunMetadata meta = RunMetadata.capture(directory, commandLine())
                    .with(RunMetadata.CONCURRENCY, concurrency)
                    .with(RunMetadata.RERUN_OF, Integer.toString(original.id()));
            if (was.get(RunMetadata.SEED).isPresent()) {
                meta = meta.with(RunMetadata.SEED, was.get(RunMetadata.SEED).get());
            }
            if (isolated) {
                meta = meta.with(RunMetadata.ISOLATED, "true");
            }
            if (worker != null || original.partial()) {
                meta = meta.with(RunMetadata.PARTIAL, "true"); // only some tests ran: the others stay as they were
            }
            RepositoryTestTimes times = RepositoryTestTimes.of(repo);
            Schedule schedule;
            if (isolated) {
                schedule = Schedule.isolated(partitions);
            } else if (scheduling.chunking(false)) {
                // the same tests from one shared queue: faster, but not in each worker's order
                List<String> ids = new ArrayList<>();
                partitions.forEach(p -> ids.addAll(p.testIds()));
                // a queue may split classes: list, so a class whose tests run in order stays whole
                Set<String> inOrder = template.canList()
                        ? ListCommand.listing(conf, directory).inOrder()
                        : Set.of();
                schedule = SchedulingOptions.sharedQueue(conf, template, ids, times, partitions.size(), inOrder);
            } else {
                schedule = Schedule.fixed(partitions);
            }
            return new LiveRun(parent, NAME, subunit, conf.filterTags())
                    .execute(repo, template, scheduling.apply(schedule, times), scheduling, times, meta);
        }
    }

    /** The route code as the new run's worker index, so worker 2 is worker 2 again; else its position. */
    private static int indexOf(String route, int position) {
        return route.matches("\\d{1,9}") ? Integer.parseInt(route) : position;
    }

    private static boolean takesIds(CommandTemplate template) {
        String command = template.command();
        return command.contains("$IDOPTION") || command.contains("$IDFILE") || command.contains("$IDLIST");
    }

    /** The command line as typed, stored with the run. */
    private String commandLine() {
        return "testr " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
