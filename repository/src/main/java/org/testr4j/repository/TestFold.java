package org.testr4j.repository;

import org.testr4j.subunit.TestStatus;

/**
 * One test's history folded run by run, oldest first. The index keeps the folded state per test
 * so a new run updates it in place; a run indexed out of order makes the index refold from the
 * per-run results.
 */
final class TestFold {
    private static final int NO_OUTCOME = -1;
    private static final int PASSED = 1;
    private static final int FAILED = 0;

    int lastRun = -1;
    TestStatus lastStatus = TestStatus.NONE;
    long lastDurationNanos = -1;
    long durationSumNanos;
    int timedRuns;
    int runs;
    int failures;
    int flips;
    int lastOutcome = NO_OUTCOME;
    boolean failing;
    int failingRun = -1;

    /** The test ended with {@code status} in run {@code runId}. */
    void ran(int runId, TestStatus status, long durationNanos) {
        if (!status.isFinal()) {
            return; // left in progress by an interrupted run: no outcome, and the failing set keeps its view
        }
        runs++;
        lastRun = runId;
        lastStatus = status;
        lastDurationNanos = durationNanos;
        if (durationNanos >= 0) {
            durationSumNanos += durationNanos;
            timedRuns++;
        }
        int outcome = status == TestStatus.SKIP ? NO_OUTCOME : status.isFailure() ? FAILED : PASSED;
        if (outcome != NO_OUTCOME) {
            if (lastOutcome != NO_OUTCOME && lastOutcome != outcome) {
                flips++;
            }
            lastOutcome = outcome;
        }
        if (status.isFailure()) {
            failures++;
            failing = true;
            failingRun = runId;
        } else {
            failing = false;
            failingRun = -1;
        }
    }

    /** A full run did not run the test: it is no longer failing (testrepository's rule). */
    void missedFullRun() {
        failing = false;
        failingRun = -1;
    }

    long meanDurationNanos() {
        return timedRuns == 0 ? -1 : durationSumNanos / timedRuns;
    }

    TestHistory toHistory(String testId) {
        return new TestHistory(
                testId,
                lastStatus,
                lastRun,
                lastDurationNanos,
                meanDurationNanos(),
                runs,
                failures,
                flips,
                failing,
                failingRun);
    }
}
