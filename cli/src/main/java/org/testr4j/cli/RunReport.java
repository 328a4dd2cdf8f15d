package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.testr4j.repository.Repository;
import org.testr4j.repository.RunCounts;
import org.testr4j.repository.StoredRun;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;
import org.testr4j.subunit.v2.PacketReader;

/**
 * Prints runs the way testrepository and stestr do: each failure with its attachments under a
 * rule of {@code =}, then {@code Ran N tests in Xs} and {@code PASSED}/{@code FAILED (id=N, ...)}.
 */
final class RunReport {
    private static final String THICK = "=".repeat(70);
    private static final String THIN = "-".repeat(70);

    private final PrintWriter out;
    private final long notCounted;

    RunReport(PrintWriter out) {
        this(out, 0);
    }

    /** @param notCounted tests .testr.conf's {@code filter_tags} leaves out of "Ran N tests" */
    RunReport(PrintWriter out, long notCounted) {
        this.out = out;
        this.notCounted = notCounted;
    }

    /** The tests of a run's stream that {@code wanted} accepts, with their attachments, in the order they ended. */
    static List<TestResult> results(Repository repo, int runId, Predicate<TestResult> wanted) throws IOException {
        return results(repo, runId, id -> true, wanted);
    }

    /**
     * As {@link #results(Repository, int, Predicate)}, assembling only the tests whose ids {@code
     * ids} accepts: the index knows which tests failed, so the others' events are passed over.
     */
    static List<TestResult> results(Repository repo, int runId, Predicate<String> ids, Predicate<TestResult> wanted)
            throws IOException {
        List<TestResult> results = new ArrayList<>();
        TestAssembler assembler = new TestAssembler(r -> {
            if (wanted.test(r)) {
                results.add(r);
            }
        });
        try (InputStream in = repo.openStream(runId)) {
            PacketReader.lenient(in).readAll(event -> {
                if (event.testId() != null && ids.test(event.testId())) {
                    assembler.status(event);
                }
            });
        }
        assembler.stopRun();
        return results;
    }

    /** Failures and tests left running, as testr shows them. */
    static boolean isProblem(TestResult result) {
        return result.status().isFailure() || result.status() == TestStatus.IN_PROGRESS;
    }

    /**
     * A run as {@code testr last} shows it: its failures (and tests left running) with their
     * attachments, then the summary against the run before it. Returns the exit code.
     */
    int show(Repository repo, StoredRun run) throws IOException {
        if (!run.successful() || run.interrupted()) {
            java.util.Set<String> problems = new java.util.HashSet<>();
            for (org.testr4j.repository.TestOutcome o : repo.outcomes(run.id())) {
                if (o.status().isFailure() || o.status() == TestStatus.IN_PROGRESS) {
                    problems.add(o.testId());
                }
            }
            for (TestResult problem : results(repo, run.id(), problems::contains, RunReport::isProblem)) {
                printDetails(problem);
            }
        }
        StoredRun previous = null;
        for (StoredRun r : repo.runs()) {
            if (r.id() < run.id()) {
                previous = r;
            }
        }
        printSummary(run, previous);
        return passed(run) ? ExitCode.OK : ExitCode.TESTS_FAILED;
    }

    /** One test's block: the rule, the status and id, its tags, its attachments. */
    void printDetails(TestResult result) {
        out.println(THICK);
        out.println(label(result.status()) + ": " + result.testId());
        if (!result.tags().isEmpty()) {
            out.println("tags: " + String.join(" ", new java.util.TreeSet<>(result.tags())));
        }
        out.println(THIN);
        Attachment traceback = null;
        for (Attachment a : result.attachments()) {
            if (a.name().equals("traceback")) {
                traceback = a;
            } else if (!a.isText()) {
                out.println("Binary content:");
                out.println("  " + a.name() + " (" + a.mimeType() + ")");
            } else {
                String text = a.content().utf8();
                if (text.contains("\n")) {
                    out.println(a.name() + ": {{{");
                    out.print(text.endsWith("\n") ? text : text + "\n");
                    out.println("}}}");
                } else {
                    out.println(a.name() + ": {{{" + text + "}}}");
                }
                out.println();
            }
        }
        if (traceback != null) {
            String text = traceback.content().utf8();
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
    }

    private static String label(TestStatus status) {
        switch (status) {
            case FAIL:
                return "FAIL";
            case UNEXPECTED_SUCCESS:
                return "UNEXPECTED SUCCESS";
            case IN_PROGRESS:
                return "INTERRUPTED";
            default:
                return status.wireName().toUpperCase(Locale.ROOT);
        }
    }

    /** {@code Ran 20 (-30) tests in 0.088s (+0.011s)} and the verdict, with changes since {@code previous} if given. */
    void printSummary(StoredRun run, StoredRun previous) {
        RunCounts c = run.counts();
        StringBuilder ran = new StringBuilder("Ran ").append(c.total() - notCounted);
        if (previous != null && previous.counts().total() != c.total()) {
            ran.append(" (")
                    .append(signed(c.total() - previous.counts().total()))
                    .append(')');
        }
        ran.append(" tests in ").append(seconds(run.wallTime().toNanos()));
        if (previous != null) {
            ran.append(" (")
                    .append(signedSeconds(
                            run.wallTime().toNanos() - previous.wallTime().toNanos()))
                    .append(')');
        }
        out.println(ran);
        if (run.interrupted()) {
            out.println("INTERRUPTED: the run's writer stopped before the run ended; " + c.inProgress()
                    + " test(s) were still running and every packet that arrived is kept");
        }
        List<String> parts = new ArrayList<>();
        parts.add("id=" + run.id());
        if (c.failures() > 0) {
            String failures = "failures=" + c.failures();
            if (previous != null && previous.counts().failures() != c.failures()) {
                failures += " (" + signed(c.failures() - previous.counts().failures()) + ")";
            }
            parts.add(failures);
        }
        if (c.skipped() > 0) {
            parts.add("skips=" + c.skipped());
        }
        out.println((passed(run) ? "PASSED" : "FAILED") + " (" + String.join(", ", parts) + ")");
    }

    /** No test failed and the run was not interrupted: a run cut short cannot have passed. */
    static boolean passed(StoredRun run) {
        return run.successful() && !run.interrupted();
    }

    static String seconds(long nanos) {
        return TextTable.seconds(nanos) + "s";
    }

    private static String signedSeconds(long nanos) {
        return (nanos >= 0 ? "+" : "-") + seconds(Math.abs(nanos));
    }

    private static String signed(long n) {
        return n >= 0 ? "+" + n : Long.toString(n);
    }
}
