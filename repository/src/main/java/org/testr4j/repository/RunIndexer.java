package org.testr4j.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RoutedTestId;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TimeSpan;

/**
 * Reduces a run's events to what the index keeps: one {@link TestOutcome} per test that ended,
 * the counts, and the first and last timestamps. Holds only the tests in progress, never an
 * attachment. Tests still open at {@link #stopRun()} are recorded as {@link TestStatus#IN_PROGRESS}.
 */
final class RunIndexer implements StreamResult {
    private final Map<RoutedTestId, Instant> open = new LinkedHashMap<>();
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private RunCounts counts = RunCounts.EMPTY;
    private long testTimeNanos;
    private final TimeSpan span = new TimeSpan();

    @Override
    public void status(Event event) {
        Instant ts = event.timestamp();
        span.include(ts);
        if (event.testId() == null || event.status() == TestStatus.EXISTS) {
            return;
        }
        RoutedTestId key = RoutedTestId.of(event);
        if (!open.containsKey(key)) {
            open.put(key, ts); // a test starts at its first event, as TestAssembler counts it
        }
        if (event.status().isFinal()) {
            Instant start = open.remove(key);
            long nanos = start == null || ts == null
                    ? -1
                    : Duration.between(start, ts).toNanos();
            end(key, event.status(), nanos);
        }
    }

    @Override
    public void stopRun() {
        for (Map.Entry<RoutedTestId, Instant> unfinished : new ArrayList<>(open.entrySet())) {
            end(unfinished.getKey(), TestStatus.IN_PROGRESS, -1);
        }
        open.clear();
    }

    private void end(RoutedTestId key, TestStatus status, long nanos) {
        outcomes.add(new TestOutcome(key.testId(), status, nanos, key.routeCode()));
        counts = counts.plus(status);
        if (nanos > 0) {
            testTimeNanos += nanos;
        }
    }

    List<TestOutcome> outcomes() {
        return outcomes;
    }

    /** The run as the index will hold it. */
    StoredRun toRun(int id, boolean interrupted, RunMetadata metadata, long sizeOnDisk) {
        return new StoredRun(
                id,
                span.first().orElse(null),
                span.last().orElse(null),
                counts,
                testTimeNanos,
                interrupted,
                metadata,
                sizeOnDisk);
    }
}
