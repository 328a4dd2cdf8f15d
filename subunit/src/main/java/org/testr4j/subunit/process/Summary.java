package org.testr4j.subunit.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Counts tests by final status and adds up their run time, in memory bounded by the tests in progress.
 *
 * <p>A run is successful when no test failed or unexpectedly succeeded, as testtools' {@code
 * StreamSummary} judges it; a parser error ({@code subunit.parser} fail) counts as a failure.
 *
 * <pre>{@code
 * Summary summary = new Summary();
 * PacketReader.lenient(in).readAll(summary);
 * summary.count(TestStatus.FAIL); summary.wasSuccessful();
 * }</pre>
 */
public final class Summary implements StreamResult {
    private final EnumMap<TestStatus, Long> counts = new EnumMap<>(TestStatus.class);
    private final Map<String, Instant> started = new HashMap<>();
    private final Set<String> tags = new TreeSet<>();
    private Duration testTime = Duration.ZERO;
    private final TimeSpan span = new TimeSpan();

    @Override
    public void status(Event event) {
        Instant ts = event.timestamp();
        span.include(ts);
        if (event.testId() == null || event.status() == TestStatus.NONE) {
            return;
        }
        String key = event.routeCode() == null ? event.testId() : event.routeCode() + "\0" + event.testId();
        if (event.status() == TestStatus.IN_PROGRESS) {
            if (ts != null) {
                started.put(key, ts);
            }
            return;
        }
        counts.merge(event.status(), 1L, Long::sum);
        if (event.status().isFinal()) {
            tags.addAll(event.tags());
            Instant start = started.remove(key);
            if (start != null && ts != null) {
                testTime = testTime.plus(Duration.between(start, ts));
            }
        }
    }

    /** How many events ended a test with {@code status} (or listed it, for {@code EXISTS}). */
    public long count(TestStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    /** Tests that ended: every final status. */
    public long total() {
        long n = 0;
        for (TestStatus s : TestStatus.values()) {
            if (s.isFinal()) {
                n += count(s);
            }
        }
        return n;
    }

    /** Tests that failed: fail and uxsuccess. */
    public long failures() {
        return count(TestStatus.FAIL) + count(TestStatus.UNEXPECTED_SUCCESS);
    }

    public boolean wasSuccessful() {
        return failures() == 0;
    }

    /** The sum of the tests' own durations (inprogress to final status). */
    public Duration testTime() {
        return testTime;
    }

    /** From the earliest to the latest timestamp in the stream; zero without timestamps. */
    public Duration wallTime() {
        return span.duration();
    }

    /** Every tag seen on a final status, sorted. */
    public SortedSet<String> tags() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }
}
