package org.testr4j.runner.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long each test took when it last ran, as the repository remembers it.
 *
 * <pre>{@code
 * TestTimes times = TestTimes.of(Map.of("pkg.T.slow", Duration.ofSeconds(3)));
 * times.durationOf("pkg.T.slow"); // Optional[PT3S]
 * times.durationOf("pkg.T.new");  // Optional.empty
 * }</pre>
 */
@FunctionalInterface
public interface TestTimes {
    /** No history: every test is new. */
    TestTimes NONE = testId -> Optional.empty();

    /** The recorded duration of {@code testId}, empty for a test never seen to finish. */
    Optional<Duration> durationOf(String testId);

    /** Times held in a map. */
    static TestTimes of(Map<String, Duration> times) {
        Map<String, Duration> copy = Map.copyOf(times);
        return testId -> Optional.ofNullable(copy.get(testId));
    }
}
