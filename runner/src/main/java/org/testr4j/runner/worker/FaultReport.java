package org.testr4j.runner.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Writes what went wrong with a worker into the run's stream as failing tests, so the stored run
 * explains itself: the test a worker was running when it died, the synthetic test {@code
 * testr4j.worker-N} with the exit status, the tests never reported and the end of its stderr; a
 * test that timed out with its limit and the worker's last output; tests no worker was left to run.
 */
final class FaultReport {
    /** Prefix of the synthetic test that reports a crashed worker: {@code testr4j.worker-0}. */
    static final String CRASH_TEST_PREFIX = "testr4j.worker-";

    private static final int MAX_LISTED = 100;
    private static final String TEXT = "text/plain;charset=utf8";

    private final StreamResult downstream;
    private final Clock clock;

    FaultReport(StreamResult downstream, Clock clock) {
        this.downstream = downstream;
        this.clock = clock;
    }

    /** The synthetic test of worker {@code index}'s {@code n}th crash: {@code testr4j.worker-0}, then {@code .2}... */
    static String crashTest(int index, int n) {
        return CRASH_TEST_PREFIX + index + (n > 1 ? "." + n : "");
    }

    /**
     * A process that ended while tests were running or unreported, or with a non-zero status: fails
     * each interrupted test and {@code crashTest}.
     *
     * @param given how many tests it was given, or -1 when it chose its own
     */
    void crashed(
            WorkerProcess process,
            String crashTest,
            int status,
            int given,
            List<String> missing,
            List<String> interrupted,
            List<String> requeued,
            String note) {
        String exit = ShellCommand.describeExit(status);
        int index = process.index();
        for (String id : interrupted) {
            fail(
                    id,
                    index,
                    "worker " + index + " ended (" + exit + ") while this test was running; see " + crashTest + "\n");
        }
        StringBuilder b = new StringBuilder("worker ")
                .append(index)
                .append(" (route code ")
                .append(index)
                .append(") ended with ")
                .append(exit);
        if (!interrupted.isEmpty()) {
            b.append(" while running ").append(String.join(", ", interrupted));
        }
        b.append(".\ncommand: ").append(process.command().command()).append('\n');
        if (note != null) {
            b.append(note).append('\n');
        }
        if (given >= 0) {
            b.append(missing.size()).append(" of its ").append(given).append(" tests never reported");
            b.append(missing.isEmpty() ? ".\n" : ":\n");
            list(b, missing);
        }
        if (!requeued.isEmpty()) {
            b.append(requeued.size()).append(" never started, put back in the queue for a fresh worker:\n");
            list(b, requeued);
        }
        tail(b, "stderr", process.stderrTail());
        fail(crashTest, index, b.toString());
    }

    /**
     * A test that ran past its limit: its worker was killed. {@code requeued} is null when the worker
     * chose its own tests, so no fresh one can run the rest.
     */
    void timedOut(WorkerProcess process, String test, Duration limit, List<String> requeued) {
        int index = process.index();
        StringBuilder b = new StringBuilder("timed out after ")
                .append(seconds(limit))
                .append(" on worker ")
                .append(index)
                .append(
                        requeued == null
                                ? ": the worker and its child processes were killed. It chose its own tests, so"
                                        + " those it had not run yet did not run ('testr run --parallel' lists"
                                        + " them, and a fresh worker runs the rest after a timeout).\n"
                                : ": the worker and its child processes were killed, and a fresh worker runs"
                                        + " the rest.\n")
                .append("command: ")
                .append(process.command().command())
                .append('\n');
        if (requeued != null && !requeued.isEmpty()) {
            b.append(requeued.size()).append(" test(s) it had not started were put back in the queue.\n");
        }
        String out = process.stdoutTail();
        if (!out.isEmpty()) {
            tail(b, "the worker's stdout (not subunit)", out);
        }
        tail(b, "the worker's stderr", process.stderrTail());
        fail(test, index, b.toString());
    }

    /** Worker {@code index} gave up: it could not start in {@code attempts} attempts. */
    void couldNotStart(int index, String crashTest, String why) {
        fail(crashTest, index, why);
    }

    /** Tests no worker was left to run, each failing with {@code reason}. */
    void notRun(List<String> ids, String reason) {
        for (String id : ids) {
            fail(id, -1, "not run: " + reason + "\n");
        }
    }

    private void fail(String id, int index, String text) {
        Event.Builder e = Event.test(id)
                .status(TestStatus.FAIL)
                .timestamp(clock.instant())
                .file("traceback", Bytes.utf8(text))
                .mimeType(TEXT)
                .eof(true);
        if (index >= 0) {
            e.routeCode(Integer.toString(index));
        }
        downstream.status(e.build());
    }

    private static void list(StringBuilder b, List<String> ids) {
        ids.stream().limit(MAX_LISTED).forEach(id -> b.append("  ").append(id).append('\n'));
        if (ids.size() > MAX_LISTED) {
            b.append("  … and ").append(ids.size() - MAX_LISTED).append(" more\n");
        }
    }

    static void tail(StringBuilder b, String what, String text) {
        if (text.isEmpty()) {
            b.append(what).append(" was empty.\n");
        } else {
            b.append(what).append(" ended with:\n").append(text);
            if (!text.endsWith("\n")) {
                b.append('\n');
            }
        }
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
