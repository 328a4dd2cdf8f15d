package org.testr4j.subunit.process;

import java.util.Objects;
import java.util.Set;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Rewrites the outcome of tests known to fail, as {@code subunit-filter
 * --fixup-expected-failures} does: for a listed test, a failure becomes an expected failure and a
 * success becomes an unexpected success.
 *
 * <p>Only final status events change, by a derived copy; everything else passes as it is. Put it
 * in front of a {@link TestFilter} so the filter judges the rewritten outcome, as python does.
 * Python also turns a listed test that never finished into an expected failure; this processor
 * does not buffer, so such a test stays unfinished. (The flag cannot be compared with python here:
 * python-subunit's {@code read_test_list} opens the list in binary mode and strips it with a text
 * argument, so under Python 3 the flag fails with a {@code TypeError}. This follows its help text.)
 *
 * <pre>{@code
 * StreamResult fixed = new ExpectedFailureFixup(Set.of("pkg.T.known_bug"), filter);
 * fixed.status(Event.test("pkg.T.known_bug").status(TestStatus.FAIL).build()); // filter sees xfail
 * }</pre>
 */
public final class ExpectedFailureFixup implements StreamResult {
    private final Set<String> expectedToFail;
    private final StreamResult downstream;

    /**
     * @param expectedToFail the ids of tests known to fail
     * @param downstream where the events go
     */
    public ExpectedFailureFixup(Set<String> expectedToFail, StreamResult downstream) {
        this.expectedToFail = Set.copyOf(expectedToFail);
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        if (event.testId() != null && expectedToFail.contains(event.testId())) {
            if (event.status() == TestStatus.FAIL) {
                downstream.status(event.withStatus(TestStatus.EXPECTED_FAIL));
                return;
            }
            if (event.status() == TestStatus.SUCCESS) {
                downstream.status(event.withStatus(TestStatus.UNEXPECTED_SUCCESS));
                return;
            }
        }
        downstream.status(event);
    }

    @Override
    public void stopRun() {
        downstream.stopRun();
    }
}
