package org.testr4j.repository;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.testr4j.subunit.TestStatus;

/**
 * How one test ended in one run, as the index keeps it.
 *
 * <pre>{@code
 * new TestOutcome("pkg.T.adds", TestStatus.SUCCESS, 2_500_000L, "0").duration(); // Optional[PT0.0025S]
 * }</pre>
 *
 * @param testId the test
 * @param status its final status; {@link TestStatus#IN_PROGRESS} if the run ended before the test did
 * @param durationNanos how long it ran, or -1 when the stream carried no timestamps for it
 * @param routeCode the worker route it ran on, or null
 */
public record TestOutcome(String testId, TestStatus status, long durationNanos, String routeCode) {
    public TestOutcome {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(status, "status");
    }

    /** How long the test ran, when known. */
    public Optional<Duration> duration() {
        return durationNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(durationNanos));
    }
}
