package org.testr4j.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.schedule.ChunkPlan;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.runner.schedule.TimingPartitioner;
import org.testr4j.runner.worker.Schedule;
import org.testr4j.runner.worker.TestTimeouts;
import picocli.CommandLine.Option;

/** How a run hands tests to its workers and when it gives up on one: {@code --chunking}, {@code --timeout}, {@code --startup-timeout}. */
final class SchedulingOptions {
    /** {@code --chunking}'s values. */
    enum Chunking {
        on,
        off
    }

    @Option(
            names = "--chunking",
            paramLabel = "on|off",
            description = "on (default for testr run): workers take tests from one shared queue, longest first, as"
                    + " they go idle (a command with test_feed_option is fed ids on stdin; others start once per"
                    + " chunk, chunks shrinking as the queue drains); off: one list per worker, split up front.")
    Chunking chunking;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Fail a test that runs longer than this, killing its worker and starting a fresh one"
                    + " (0: never). Default: ten times the test's recorded duration, at least 60 s; none for a test"
                    + " never seen.")
    Double timeout;

    @Option(
            names = "--startup-timeout",
            paramLabel = "SECONDS",
            description = "Kill and retry a worker that sends no output within this long of its start (default: 60).")
    Double startupTimeout;

    /** True unless {@code --chunking off}, or {@code byDefault} is false and {@code --chunking on} was not given. */
    boolean chunking(boolean byDefault) {
        return chunking == null ? byDefault : chunking == Chunking.on;
    }

    /**
     * The partitioner {@code conf} describes: its {@code group_regex} groups, split when {@code
     * group_split=true} unless they hold a test of {@code inOrder} (listed as needing its group's order).
     */
    static TimingPartitioner partitioner(TestrConf conf, int workers, TestTimes times, Set<String> inOrder) {
        TimingPartitioner partitioner = new TimingPartitioner(workers, times).keepingWhole(inOrder);
        if (conf.groupRegex().isPresent()) {
            partitioner = partitioner.groupedBy(conf.groupRegex().get());
        }
        return conf.groupSplit() ? partitioner.splittingDominantGroups() : partitioner;
    }

    /**
     * One queue for all of {@code ids}: fed batches when the command can be fed, else chunks; a
     * {@code group_regex} group is never split once handed out unless {@code group_split=true}, and
     * never one holding a test of {@code inOrder}.
     */
    static Schedule sharedQueue(
            TestrConf conf,
            CommandTemplate template,
            List<String> ids,
            TestTimes times,
            int workers,
            Set<String> inOrder) {
        ChunkPlan plan = template.canFeed() ? ChunkPlan.fed(workers) : ChunkPlan.chunked(workers);
        TimingPartitioner partitioner = partitioner(conf, workers, times, inOrder);
        TestQueue queue = TestQueue.shared(ids, times, partitioner.groupsOf(ids), plan)
                .keepingGroupsWhole(conf.groupRegex().isPresent() && !conf.groupSplit())
                .keepingWhole(inOrder)
                .mergingParts(partitioner::groupOf);
        return Schedule.shared(queue);
    }

    /** {@code schedule} with the timeouts these options ask for; {@code times} gives the default limits. */
    Schedule apply(Schedule schedule, TestTimes times) {
        return schedule.withTimeouts(timeouts(times)).withStartupTimeout(startupTimeout());
    }

    /** The start-up timeout these options ask for. */
    Duration startupTimeout() {
        return startupTimeout == null
                ? Schedule.DEFAULT_STARTUP_TIMEOUT
                : seconds("--startup-timeout", startupTimeout, false);
    }

    /** The limits these options ask for; {@code times} gives the default ones. */
    TestTimeouts timeouts(TestTimes times) {
        if (timeout == null) {
            return TestTimeouts.fromHistory(times);
        }
        if (timeout == 0) {
            return TestTimeouts.none();
        }
        return TestTimeouts.every(seconds("--timeout", timeout, true));
    }

    private static Duration seconds(String option, double value, boolean zeroAllowed) {
        if (value < 0 || (value == 0 && !zeroAllowed) || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UserException(
                    option + " must be a positive number of seconds" + (zeroAllowed ? " (or 0 for none)" : "")
                            + ", was " + value,
                    ExitCode.USAGE);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
