package org.testr4j.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.testr4j.repository.Repository;
import org.testr4j.repository.TestHistory;
import org.testr4j.runner.schedule.TestTimes;

/**
 * The runner's {@link TestTimes} read from a repository's index: each test's duration in the
 * latest run that timed it, else its mean. It lives in the cli because the cli is where the runner
 * and the repository meet; neither module needs the other.
 */
final class RepositoryTestTimes implements TestTimes {
    private final Map<String, Duration> times;

    private RepositoryTestTimes(Map<String, Duration> times) {
        this.times = times;
    }

    /** Reads every test's duration once; a test the repository never saw finish has none. */
    static RepositoryTestTimes of(Repository repository) throws IOException {
        Map<String, Duration> times = new HashMap<>();
        for (TestHistory h : repository.tests()) {
            long nanos = h.lastDurationNanos() >= 0 ? h.lastDurationNanos() : h.meanDurationNanos();
            if (nanos >= 0) {
                times.put(h.testId(), Duration.ofNanos(nanos));
            }
        }
        return new RepositoryTestTimes(times);
    }

    @Override
    public Optional<Duration> durationOf(String testId) {
        return Optional.ofNullable(times.get(testId));
    }

    /** How many tests have a duration. */
    int size() {
        return times.size();
    }
}
