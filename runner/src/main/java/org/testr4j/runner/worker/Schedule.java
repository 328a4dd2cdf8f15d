package org.testr4j.runner.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.testr4j.runner.schedule.ChunkPlan;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.runner.schedule.TestTimes;

/**
 * What a {@link WorkerPool} runs: the worker lanes, where each takes its tests from, and the limits
 * that keep a run going when workers fail.
 *
 * <p>{@link #shared}: every lane takes batches from one queue as it goes idle. {@link #fixed}: each
 * lane runs its own list, in order, in one process ({@code --chunking off}, {@code testr rerun}).
 * {@link #isolated}: each lane runs its own list one test per process. In every case a lane whose
 * process crashes or is killed starts a fresh one for the tests that never started, at most
 * {@value #RESTARTS_PER_LANE} times per lane and {@code max(3, 2 × lanes)} times per run (no limit
 * when isolated: there a crash loses nothing but its own test); a process that sends nothing (it
 * exits at once, or within the start-up timeout) is retried {@value #START_ATTEMPTS} times in all.
 *
 * <pre>{@code
 * TestQueue queue = TestQueue.shared(ids, times, partitioner::groupOf, ChunkPlan.chunked(4));
 * Schedule schedule = Schedule.shared(queue).withTimeouts(TestTimeouts.fromHistory(times));
 * RunOutcome outcome = new WorkerPool(projectDir).run(template, schedule, sink);
 * }</pre>
 */
public final class Schedule {
    static final int RESTARTS_PER_LANE = 3;
    static final int START_ATTEMPTS = 3;
    /** The default start-up timeout: no event within it and the process is killed and retried. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** One lane: a worker index (its route code) and the queue it takes batches from. */
    record Lane(int index, TestQueue queue) {}

    private final List<Lane> lanes;
    private final boolean isolated;
    private final TestTimeouts timeouts;
    private final Duration startupTimeout;

    private Schedule(List<Lane> lanes, boolean isolated, TestTimeouts timeouts, Duration startupTimeout) {
        this.lanes = List.copyOf(lanes);
        this.isolated = isolated;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
    }

    /** {@code queue.plan().workers()} lanes, 0 to N-1, all taking from {@code queue}. */
    public static Schedule shared(TestQueue queue) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < queue.plan().workers(); i++) {
            lanes.add(new Lane(i, queue));
        }
        return new Schedule(lanes, false, TestTimeouts.none(), DEFAULT_STARTUP_TIMEOUT);
    }

    /** One lane per non-empty partition, running its tests in order in one process. */
    public static Schedule fixed(List<Partition> partitions) {
        return ofPartitions(partitions, false);
    }

    /** One lane per non-empty partition, running its tests in order, each in its own process. */
    public static Schedule isolated(List<Partition> partitions) {
        return ofPartitions(partitions, true);
    }

    private static Schedule ofPartitions(List<Partition> partitions, boolean isolated) {
        List<Lane> lanes = new ArrayList<>();
        for (Partition p : partitions) {
            if (!p.isEmpty()) { // testrepository starts no process for an empty partition
                ChunkPlan plan = isolated ? ChunkPlan.oneTest() : ChunkPlan.wholeList();
                lanes.add(new Lane(p.index(), TestQueue.inOrder(p.testIds(), TestTimes.NONE, plan)));
            }
        }
        return new Schedule(lanes, isolated, TestTimeouts.none(), DEFAULT_STARTUP_TIMEOUT);
    }

    /** This schedule with per-test time limits. */
    public Schedule withTimeouts(TestTimeouts limits) {
        return new Schedule(lanes, isolated, limits, startupTimeout);
    }

    /** This schedule with a start-up timeout: the time a process has to send its first event. */
    public Schedule withStartupTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a start-up timeout must be positive, was " + timeout);
        }
        return new Schedule(lanes, isolated, timeouts, timeout);
    }

    /** How many workers run at once. */
    public int workers() {
        return lanes.size();
    }

    /** Every test this schedule hands out; call it before the run starts taking them. */
    public List<String> testIds() {
        List<String> ids = new ArrayList<>();
        Map<TestQueue, Boolean> seen = new IdentityHashMap<>();
        for (Lane lane : lanes) {
            if (seen.put(lane.queue(), true) == null) {
                ids.addAll(lane.queue().queuedIds());
            }
        }
        return ids;
    }

    List<Lane> lanes() {
        return lanes;
    }

    boolean isolated() {
        return isolated;
    }

    TestTimeouts timeouts() {
        return timeouts;
    }

    Duration startupTimeout() {
        return startupTimeout;
    }

    int restartsPerLane() {
        return isolated ? Integer.MAX_VALUE : RESTARTS_PER_LANE;
    }

    int restartsPerRun() {
        return isolated ? Integer.MAX_VALUE : Math.max(3, 2 * lanes.size());
    }
}
