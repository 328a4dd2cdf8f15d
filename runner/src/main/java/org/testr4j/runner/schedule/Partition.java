package org.testr4j.runner.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The tests one worker runs, in the order it runs them.
 *
 * @param index the worker's index, which becomes its route code
 * @param testIds the tests, in order
 * @param expected the sum of the recorded durations of the tests that have one
 */
public record Partition(int index, List<String> testIds, Duration expected) {
    public Partition {
        testIds = List.copyOf(testIds);
        Objects.requireNonNull(expected, "expected");
    }

    public boolean isEmpty() {
        return testIds.isEmpty();
    }
}
