package org.testr4j.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;
import org.testr4j.subunit.process.TimeSpan;

/**
 * A live, human view of a stream, as os-testr's {@code subunit-trace} shows it: one line per
 * finished test with its worker, duration and outcome; a failure's attachments in full the moment
 * it fails; the tests in progress and how long they have run; and a closing summary with worker
 * balance and the slowest tests.
 *
 * <p>On a terminal the tests in progress sit on one status line that is redrawn in place; in a log
 * (no terminal) {@link #tick()} prints a plain status line when nothing else was printed for a
 * while. Memory is bounded by the tests in progress plus the {@code slowest} kept for the summary.
 * Thread-safe: the stream and a ticker thread may call it at once.
 */
final class TraceView implements StreamResult {
    /** How the view looks. */
    record Style(boolean color, boolean terminal, boolean failuresLive, boolean failOnly, int slowest) {}

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final Style style;
    private final Clock clock;
    private final TestAssembler assembler = new TestAssembler(this::finished);
    private final Map<String, Instant> running = new LinkedHashMap<>();
    private final Map<TestStatus, Long> counts = new HashMap<>();
    private final Map<String, WorkerLoad> workers = new TreeMap<>();
    private final PriorityQueue<TestResult> slowest =
            new PriorityQueue<>(Comparator.comparing(r -> r.duration().orElse(Duration.ZERO)));
    private final List<TestResult> failures = new ArrayList<>();
    private Duration testTime = Duration.ZERO;
    private final TimeSpan span = new TimeSpan();
    private Instant lastPrinted;
    private boolean statusLineShown;

    TraceView(PrintWriter out, Style style, Clock clock) {
        this.out = out;
        this.style = style;
        this.clock = clock;
        this.lastPrinted = clock.instant();
    }

    private record WorkerLoad(long tests, Duration time) {}

    @Override
    public synchronized void status(Event event) {
        Instant ts = event.timestamp();
        span.include(ts);
        if (event.testId() != null) {
            String key = key(event.testId(), event.routeCode());
            if (event.status() == TestStatus.IN_PROGRESS) {
                running.put(key, clock.instant());
            } else if (event.status().isFinal()) {
                running.remove(key);
            }
        }
        assembler.status(event);
        if (style.terminal()) {
            drawStatusLine();
        }
    }

    @Override
    public synchronized void stopRun() {
        assembler.stopRun();
        clearStatusLine();
        printSummary();
        out.flush();
    }

    /** Called periodically: redraws the terminal status line, or prints a plain one after a quiet spell. */
    synchronized void tick() {
        if (style.terminal()) {
            drawStatusLine();
        } else if (!running.isEmpty()
                && Duration.between(lastPrinted, clock.instant()).compareTo(QUIET_PERIOD) >= 0) {
            out.println(inProgressSummary());
            out.flush();
            lastPrinted = clock.instant();
        }
    }

    /** True if no test failed, and none was left unfinished, so far. */
    synchronized boolean wasSuccessful() {
        return count(TestStatus.FAIL) + count(TestStatus.UNEXPECTED_SUCCESS) + count(TestStatus.IN_PROGRESS) == 0;
    }

    private void finished(TestResult result) {
        TestStatus status = result.status();
        if (status == TestStatus.EXISTS) {
            return;
        }
        counts.merge(status, 1L, Long::sum);
        Duration took = result.duration().orElse(Duration.ZERO);
        testTime = testTime.plus(took);
        String worker = result.routeCode() == null ? "-" : result.routeCode();
        workers.merge(worker, new WorkerLoad(1, took), (a, b) -> new WorkerLoad(a.tests + 1, a.time.plus(b.time)));
        if (result.duration().isPresent() && status != TestStatus.IN_PROGRESS) {
            slowest.add(result);
            if (slowest.size() > style.slowest()) {
                slowest.poll();
            }
        }
        boolean failed = status.isFailure() || status == TestStatus.IN_PROGRESS;
        if (failed) {
            failures.add(withoutBulk(result));
        }
        if (style.failOnly() && !failed) {
            return;
        }
        clearStatusLine();
        StringBuilder line = new StringBuilder();
        line.append('{').append(worker).append("} ").append(result.testId());
        if (status != TestStatus.IN_PROGRESS) {
            result.duration().ifPresent(d -> line.append(String.format(Locale.ROOT, " [%.6fs]", d.toNanos() / 1e9)));
        }
        line.append(" ... ").append(outcome(result));
        out.println(line);
        if (failed && style.failuresLive()) {
            printAttachments(result);
        }
        out.flush();
        lastPrinted = clock.instant();
    }

    /** Failures are kept for the summary's count only; their bulky attachments were printed live. */
    private static TestResult withoutBulk(TestResult r) {
        return new TestResult(
                r.testId(), r.status(), r.tags(), r.runnable(), r.routeCode(), r.start(), r.stop(), List.of());
    }

    private String outcome(TestResult result) {
        switch (result.status()) {
            case SUCCESS:
                return paint(GREEN, "ok");
            case FAIL:
                return paint(RED, "FAILED");
            case SKIP:
                String reason = result.attachment("reason")
                        .map(a -> a.content().utf8().trim())
                        .orElse("");
                return paint(YELLOW, "SKIPPED") + (reason.isEmpty() ? "" : ": " + reason);
            case EXPECTED_FAIL:
                return paint(YELLOW, "xfail");
            case UNEXPECTED_SUCCESS:
                return paint(RED, "UXSUCCESS");
            case IN_PROGRESS:
                return paint(RED, "DID NOT FINISH") + " (the stream ended while it was running)";
            default:
                return result.status().wireName();
        }
    }

    private void printAttachments(TestResult result) {
        for (Attachment a : result.attachments()) {
            if (a.content().isEmpty()) {
                continue;
            }
            String title = "Captured " + a.name() + ":";
            out.println();
            out.println(title);
            out.println("~".repeat(title.length()));
            if (a.isText()) {
                for (String line : a.content().utf8().split("\n", -1)) {
                    out.println("    " + line);
                }
            } else {
                out.println("    <" + a.content().size() + " bytes of " + a.mimeType() + ">");
            }
        }
        out.println();
    }

    private void printSummary() {
        out.println();
        out.println("======");
        out.println("Totals");
        out.println("======");
        long ran = counts.values().stream().mapToLong(Long::longValue).sum();
        Duration wall = span.duration();
        out.printf(Locale.ROOT, "Ran: %d tests in %.4f sec.%n", ran, wall.toNanos() / 1e9);
        out.printf(" - Passed: %d%n", count(TestStatus.SUCCESS));
        out.printf(" - Skipped: %d%n", count(TestStatus.SKIP));
        out.printf(" - Expected Fail: %d%n", count(TestStatus.EXPECTED_FAIL));
        out.printf(" - Unexpected Success: %d%n", count(TestStatus.UNEXPECTED_SUCCESS));
        out.printf(" - Failed: %d%n", count(TestStatus.FAIL));
        if (count(TestStatus.IN_PROGRESS) > 0) {
            out.printf(" - Did not finish: %d%n", count(TestStatus.IN_PROGRESS));
        }
        out.printf(Locale.ROOT, "Sum of execute time for each test: %.4f sec.%n", testTime.toNanos() / 1e9);
        if (!workers.isEmpty()) {
            out.println();
            out.println("==============");
            out.println("Worker Balance");
            out.println("==============");
            workers.forEach((w, load) -> out.printf(
                    Locale.ROOT, " - Worker %s (%d tests) => %.3fs%n", w, load.tests, load.time.toNanos() / 1e9));
        }
        if (!slowest.isEmpty()) {
            out.println();
            out.println("=============");
            out.println("Slowest tests");
            out.println("=============");
            List<TestResult> top = new ArrayList<>(slowest);
            top.sort(Comparator.comparing((TestResult r) -> r.duration().orElse(Duration.ZERO))
                    .reversed());
            for (TestResult r : top) {
                out.printf(
                        Locale.ROOT,
                        " %10.3fs  %s%n",
                        r.duration().orElse(Duration.ZERO).toNanos() / 1e9,
                        r.testId());
            }
        }
    }

    private long count(TestStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    private String inProgressSummary() {
        Instant now = clock.instant();
        StringBuilder s = new StringBuilder();
        s.append(running.size())
                .append(running.size() == 1 ? " test" : " tests")
                .append(" in progress");
        int shown = 0;
        for (Map.Entry<String, Instant> e : running.entrySet()) {
            if (shown++ == 3) {
                s.append(", ...");
                break;
            }
            long secs = Duration.between(e.getValue(), now).toSeconds();
            s.append(shown == 1 ? ": " : ", ")
                    .append(e.getKey())
                    .append(" (")
                    .append(secs)
                    .append("s)");
        }
        return s.toString();
    }

    private void drawStatusLine() {
        if (running.isEmpty()) {
            clearStatusLine();
            return;
        }
        String line = inProgressSummary();
        if (line.length() > 150) {
            line = line.substring(0, 149) + "…";
        }
        out.print("\r\u001b[K" + paint(BOLD, line));
        out.flush();
        statusLineShown = true;
    }

    private void clearStatusLine() {
        if (statusLineShown) {
            out.print("\r\u001b[K");
            statusLineShown = false;
        }
    }

    private String paint(String colour, String text) {
        return style.color() ? colour + text + RESET : text;
    }

    private static String key(String testId, String routeCode) {
        return routeCode == null ? testId : "{" + routeCode + "} " + testId;
    }
}
