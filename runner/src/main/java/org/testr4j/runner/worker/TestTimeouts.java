package org.testr4j.runner.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.testr4j.runner.schedule.TestTimes;

/**
 * How long each test may run before its worker is killed and the test fails as timed out.
 *
 * <p>{@link #fromHistory} is the default of {@code testr run}: a test with a recorded duration may
 * take {@value #HISTORY_FACTOR} times that, but never less than {@value #FLOOR_SECONDS} s (a test
 * that usually takes 2 s is not killed at 20 s by a loaded machine); a test never seen has no
 * limit, as nothing says what is normal for it. {@link #every} is {@code --timeout N}, {@link
 * #none} is {@code --timeout 0}.
 *
 * <pre>{@code
 * TestTimeouts.fromHistory(times).limitOf("slow"); // Optional[PT100S] when slow took 10 s last time
 * TestTimeouts.every(Duration.ofSeconds(30)).limitOf("new"); // Optional[PT30S]
 * }</pre>
 */
public final class TestTimeouts {
    static final int HISTORY_FACTOR = 10;
    static final int FLOOR_SECONDS = 60;

    private final TestTimes history; // null: the fixed limit applies
    private final Duration fixed; // null with no history: no limit

    private TestTimeouts(TestTimes history, Duration fixed) {
        this.history = history;
        this.fixed = fixed;
    }

    /** No test is ever timed out. */
    public static TestTimeouts none() {
        return new TestTimeouts(null, null);
    }

    /** Every test may take {@code limit}. */
    public static TestTimeouts every(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, was " + limit);
        }
        return new TestTimeouts(null, limit);
    }

    /** A test with a recorded duration d may take max(60 s, 10 × d); others have no limit. */
    public static TestTimeouts fromHistory(TestTimes times) {
        return new TestTimeouts(Objects.requireNonNull(times, "times"), null);
    }

    /** The limit for {@code testId}, empty when it may run for ever. */
    public Optional<Duration> limitOf(String testId) {
        if (history == null) {
            return Optional.ofNullable(fixed);
        }
        return history.durationOf(testId).map(d -> {
            Duration scaled = d.multipliedBy(HISTORY_FACTOR);
            Duration floor = Duration.ofSeconds(FLOOR_SECONDS);
            return scaled.compareTo(floor) > 0 ? scaled : floor;
        });
    }
}
