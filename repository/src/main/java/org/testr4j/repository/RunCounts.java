package org.testr4j.repository;

import org.testr4j.subunit.TestStatus;

/**
 * How many tests of a run ended with each status.
 *
 * <pre>{@code
 * RunCounts counts = new RunCounts(18, 2, 0, 0, 0, 0);
 * counts.total();    // 20
 * counts.failures(); // 2
 * }</pre>
 *
 * @param passed tests that succeeded
 * @param failed tests that failed
 * @param skipped tests that were skipped
 * @param expectedFailures tests that failed as expected (they count as passing)
 * @param unexpectedSuccesses tests that passed though expected to fail (they count as failing)
 * @param inProgress tests that started but never ended: the stream stopped first
 */
public record RunCounts(
        long passed, long failed, long skipped, long expectedFailures, long unexpectedSuccesses, long inProgress) {
    public static final RunCounts EMPTY = new RunCounts(0, 0, 0, 0, 0, 0);

    /** Tests that ended: every final status, not the ones left in progress. */
    public long total() {
        return passed + failed + skipped + expectedFailures + unexpectedSuccesses;
    }

    /** Failed and unexpectedly successful tests: what makes a run fail. */
    public long failures() {
        return failed + unexpectedSuccesses;
    }

    /** These counts with one more test that ended with {@code status}. */
    public RunCounts plus(TestStatus status) {
        switch (status) {
            case SUCCESS:
                return new RunCounts(passed + 1, failed, skipped, expectedFailures, unexpectedSuccesses, inProgress);
            case FAIL:
                return new RunCounts(passed, failed + 1, skipped, expectedFailures, unexpectedSuccesses, inProgress);
            case SKIP:
                return new RunCounts(passed, failed, skipped + 1, expectedFailures, unexpectedSuccesses, inProgress);
            case EXPECTED_FAIL:
                return new RunCounts(passed, failed, skipped, expectedFailures + 1, unexpectedSuccesses, inProgress);
            case UNEXPECTED_SUCCESS:
                return new RunCounts(passed, failed, skipped, expectedFailures, unexpectedSuccesses + 1, inProgress);
            case IN_PROGRESS:
                return new RunCounts(passed, failed, skipped, expectedFailures, unexpectedSuccesses, inProgress + 1);
            default:
                return this;
        }
    }
}
