package org.testr4j.repository;

import java.util.Objects;
import org.testr4j.subunit.TestStatus;

/**
 * What the repository knows about one test across all its runs.
 *
 * <pre>{@code
 * TestHistory h = repository.tests().get(0);
 * h.flipPercent(); // 25.0 when 1 of the 4 changes between consecutive runs flipped pass/fail
 * }</pre>
 *
 * @param testId the test
 * @param lastStatus its status in the latest run that ran it
 * @param lastRun that run's id
 * @param lastDurationNanos its duration in that run, or -1 if unknown
 * @param meanDurationNanos its mean duration over the runs that timed it, or -1 if never timed
 * @param runs how many runs gave it a final status
 * @param failures how many of those were failures (fail or uxsuccess)
 * @param flips how often its outcome changed between pass and fail from one run to the next
 * @param failing whether it is in the failing set now
 * @param failingRun the run it last failed in, while failing; -1 otherwise
 */
public record TestHistory(
        String testId,
        TestStatus lastStatus,
        int lastRun,
        long lastDurationNanos,
        long meanDurationNanos,
        int runs,
        int failures,
        int flips,
        boolean failing,
        int failingRun) {
    public TestHistory {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(lastStatus, "lastStatus");
    }

    /** Flips as a share of the changes between consecutive runs that could have flipped. */
    public double flipPercent() {
        return runs <= 1 ? 0 : 100.0 * flips / (runs - 1);
    }

    /** Failures as a share of runs. */
    public double failurePercent() {
        return runs == 0 ? 0 : 100.0 * failures / runs;
    }
}
