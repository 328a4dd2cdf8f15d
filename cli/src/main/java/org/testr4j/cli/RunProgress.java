package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

/**
 * How far a run has got, as the live view shows it: tests scheduled and done, failures, each
 * worker's tests in progress and since when, and the work still expected from recorded durations.
 *
 * <p>Fed every event with the moment it arrived; times are those moments, so a fixed clock makes it
 * exact in tests. Not thread-safe: {@link TraceView} calls it under its own lock.
 *
 * <pre>{@code
 * RunProgress p = RunProgress.scheduled(List.of("a", "b"), times, 2);
 * p.status(Event.test("a").status(IN_PROGRESS).routeCode("0").build(), now);
 * p.running(); // [RunningTest[worker=0, testId=a, since=now]]
 * }</pre>
 */
final class RunProgress {
    /** A test in progress on a worker (the first step of its route code). */
    record RunningTest(String worker, String testId, Instant since) {
        Duration elapsed(Instant now) {
            Duration d = Duration.between(since, now);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /**
     * Worker route codes in number order ("2" before "10"), others after them by name. It orders the
     * map of tests in progress, so it runs several times per event: no regex (String.matches compiles
     * one per call, a fifth of subunit trace's time).
     */
    static final Comparator<String> WORKER_ORDER =
            Comparator.comparingInt(RunProgress::workerNumber).thenComparing(Comparator.naturalOrder());

    /** A route code of one to nine digits as its number, else {@code Integer.MAX_VALUE} (after every number). */
    private static int workerNumber(String w) {
        int n = w.length();
        if (n == 0 || n > 9) {
            return Integer.MAX_VALUE;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MAX_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private final Set<String> scheduled; // empty when the command chooses its own tests
    private final boolean knowsTotal;
    private final TestTimes times;
    private final int workers;
    private final Duration median; // of the scheduled tests' recorded durations; null when none has one
    private final Map<String, Map<String, Instant>> running = new TreeMap<>(WORKER_ORDER);
    private final Set<String> seen = new HashSet<>(); // scheduled tests started or finished
    private long done;
    private long failed;
    private Duration unstartedRecorded = Duration.ZERO; // recorded durations of scheduled tests not yet started
    private long unstartedUnrecorded; // scheduled tests not yet started that have no recorded duration
    private Duration finishedTaken = Duration.ZERO; // how long the finished tests with a recorded duration took
    private Duration finishedRecorded = Duration.ZERO; // ... and what their records said
    private Duration allTaken = Duration.ZERO; // how long every finished test seen starting took
    private long allTakenCount;

    private RunProgress(List<String> scheduled, boolean knowsTotal, TestTimes times, int workers) {
        this.scheduled = Set.copyOf(scheduled);
        this.knowsTotal = knowsTotal;
        this.times = times;
        this.workers = Math.max(1, workers);
        List<Duration> recorded = new ArrayList<>();
        for (String id : this.scheduled) {
            Optional<Duration> d = times.durationOf(id);
            if (d.isPresent()) {
                recorded.add(d.get());
                unstartedRecorded = unstartedRecorded.plus(d.get());
            } else {
                unstartedUnrecorded++;
            }
        }
        recorded.sort(Comparator.naturalOrder());
        int mid = recorded.size() / 2;
        this.median = recorded.isEmpty()
                ? null
                : recorded.size() % 2 == 1
                        ? recorded.get(mid)
                        : recorded.get(mid - 1).plus(recorded.get(mid)).dividedBy(2);
    }

    /** A run of exactly {@code testIds} on {@code workers} workers, with their recorded durations. */
    static RunProgress scheduled(List<String> testIds, TestTimes times, int workers) {
        return new RunProgress(testIds, true, times, workers);
    }

    /** A stream whose tests are not known in advance ({@code subunit trace}, a command that picks its own). */
    static RunProgress unscheduled(TestTimes times, int workers) {
        return new RunProgress(List.of(), false, times, workers);
    }

    /** Takes in one event, which arrived at {@code now}. */
    void status(Event event, Instant now) {
        String id = event.testId();
        if (id == null) {
            return;
        }
        String worker = workerOf(event.routeCode());
        if (event.status() == TestStatus.IN_PROGRESS) {
            running.computeIfAbsent(worker, w -> new LinkedHashMap<>()).put(id, now);
            see(id);
        } else if (event.status().isFinal()) {
            Map<String, Instant> tests = running.get(worker);
            Instant since = tests == null ? null : tests.remove(id);
            see(id);
            if (!knowsTotal || scheduled.contains(id)) {
                done++;
            }
            if (event.status().isFailure()) {
                failed++;
            }
            if (since != null) {
                Duration took = Duration.between(since, now);
                allTaken = allTaken.plus(took);
                allTakenCount++;
                Optional<Duration> recorded = times.durationOf(id);
                if (recorded.isPresent()) {
                    finishedTaken = finishedTaken.plus(took);
                    finishedRecorded = finishedRecorded.plus(recorded.get());
                }
            }
        }
    }

    private void see(String id) {
        if (scheduled.contains(id) && seen.add(id)) {
            Optional<Duration> d = times.durationOf(id);
            if (d.isPresent()) {
                unstartedRecorded = unstartedRecorded.minus(d.get());
            } else {
                unstartedUnrecorded--;
            }
        }
    }

    private static String workerOf(String routeCode) {
        if (routeCode == null || routeCode.isEmpty()) {
            return "-";
        }
        int slash = routeCode.indexOf('/');
        return slash < 0 ? routeCode : routeCode.substring(0, slash);
    }

    /** True when the tests to run were known in advance, so {@link #total()} means something. */
    boolean knowsTotal() {
        return knowsTotal;
    }

    /** How many tests were scheduled. */
    int total() {
        return scheduled.size();
    }

    /** Scheduled tests that have finished (every finished test when none were scheduled). */
    long done() {
        return done;
    }

    /** Tests that failed or unexpectedly succeeded so far, scheduled or not (a crashed worker counts). */
    long failed() {
        return failed;
    }

    /** Scheduled tests that neither started nor finished. */
    long notStarted() {
        return scheduled.size() - seen.size();
    }

    /** How many workers share the work. */
    int workers() {
        return workers;
    }

    /** The tests in progress, by worker in number order, each worker's in the order they started. */
    List<RunningTest> running() {
        List<RunningTest> all = new ArrayList<>();
        running.forEach((worker, tests) -> tests.forEach((id, since) -> all.add(new RunningTest(worker, id, since))));
        return all;
    }

    /** The workers seen so far, in number order, busy or not. */
    List<String> workersSeen() {
        return new ArrayList<>(running.keySet());
    }

    /** The test's recorded duration, if it has one. */
    Optional<Duration> recorded(String testId) {
        return times.durationOf(testId);
    }

    /**
     * What a test is expected to take: its recorded duration, else the median of the scheduled
     * tests' records, else the mean of the tests finished so far; empty when nothing is known.
     */
    Optional<Duration> expected(String testId) {
        Optional<Duration> recorded = times.durationOf(testId);
        return recorded.isPresent() ? recorded : unrecordedGuess();
    }

    /** The time a test without a record is counted at, if anything is known. */
    Optional<Duration> unrecordedGuess() {
        if (median != null) {
            return Optional.of(median);
        }
        return allTakenCount == 0 ? Optional.empty() : Optional.of(allTaken.dividedBy(allTakenCount));
    }

    /** Recorded durations of the scheduled tests not yet started. */
    Duration unstartedRecorded() {
        return unstartedRecorded;
    }

    /** How many scheduled tests not yet started have no recorded duration. */
    long unstartedUnrecorded() {
        return unstartedUnrecorded;
    }

    /** How long finished tests took compared with their records: 1.5 when they ran half as long again. */
    double pace() {
        if (finishedRecorded.isZero() || finishedTaken.isZero()) {
            return 1.0;
        }
        return (double) finishedTaken.toNanos() / finishedRecorded.toNanos();
    }
}
