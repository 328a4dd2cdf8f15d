package org.testr4j.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.testr4j.runner.schedule.TestTimes;
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
 * <p>What it shows of the tests in progress is its {@link StatusDisplay}: on a terminal a block
 * with a progress bar and one line per worker, redrawn in place below the output; in a log a plain
 * line now and then ({@link #tick()} drives both). Memory is bounded by the tests in progress, the
 * {@code slowest} kept for the summary and the {@link RunProgress}. Thread-safe: the stream and a
 * ticker thread may call it at once, and everything it writes goes out whole.
 */
final class TraceView implements StreamResult {
    /**
     * How the view looks.
     *
     * @param width the terminal's width in columns, for the status block
     */
    record Style(boolean color, boolean terminal, boolean failuresLive, boolean failOnly, int slowest, int width) {}

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";

    private final PrintWriter out;
    private final Style style;
    private final Clock clock;
    private final RunProgress progress;
    private final StatusDisplay display;
    private final boolean flushOnTick;
    private boolean unflushed;
    private final TestAssembler assembler = new TestAssembler(this::finished);
    private final Map<TestStatus, Long> counts = new HashMap<>();
    private final Map<String, WorkerLoad> workers = new TreeMap<>();
    private final PriorityQueue<TestResult> slowest =
            new PriorityQueue<>(Comparator.comparing(r -> r.duration().orElse(Duration.ZERO)));
    private final List<TestResult> failures = new ArrayList<>();
    private Duration testTime = Duration.ZERO;
    private final TimeSpan span = new TimeSpan();
    private boolean stopping;

    /** A view of a stream whose tests are not known in advance, as {@code subunit trace} shows one. */
    TraceView(PrintWriter out, Style style, Clock clock) {
        this(out, style, clock, RunProgress.unscheduled(TestTimes.NONE, 1));
    }

    private TraceView(PrintWriter out, Style style, Clock clock, RunProgress progress) {
        this(
                out,
                style,
                clock,
                progress,
                style.terminal()
                        ? new TerminalStatus(progress, new ProgressBlock(style.width(), style.color()))
                        : new QuietSpellStatus(progress, clock.instant()),
                false);
    }

    /**
     * A view that feeds {@code progress} every event and shows it through {@code display}. With
     * {@code flushOnTick}, a passing test's line reaches the output at the next {@link #tick()}
     * rather than at once: one write per tick instead of one per test, which on a run of fast tests
     * was a tenth of testr's time beside the workers. Failures are still written the moment they end.
     */
    TraceView(
            PrintWriter out,
            Style style,
            Clock clock,
            RunProgress progress,
            StatusDisplay display,
            boolean flushOnTick) {
        this.out = out;
        this.style = style;
        this.clock = clock;
        this.progress = progress;
        this.display = display;
        this.flushOnTick = flushOnTick;
    }

    private record WorkerLoad(long tests, Duration time) {}

    @Override
    public synchronized void status(Event event) {
        span.include(event.timestamp());
        Instant now = clock.instant();
        progress.status(event, now);
        assembler.status(event);
        if (!stopping) {
            write(display.refresh(now, StatusDisplay.Moment.EVENT));
        }
    }

    @Override
    public synchronized void stopRun() {
        endStatus(); // the summary follows
        assembler.stopRun();
        printSummary();
        out.flush();
    }

    /** Takes the status off the screen for good, before a message on another stream (Ctrl-C) or the summary. */
    synchronized void endStatus() {
        write(display.hide());
        out.flush();
        stopping = true;
    }

    /** Called periodically: redraws the terminal's status block, or prints a status line in a log. */
    synchronized void tick() {
        if (!stopping) {
            write(display.refresh(clock.instant(), StatusDisplay.Moment.TICK));
        }
        if (unflushed) {
            out.flush();
            unflushed = false;
        }
    }

    private void write(String text) {
        if (!text.isEmpty()) {
            out.print(text);
            out.flush();
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
        out.print(display.hide());
        StringBuilder line = new StringBuilder();
        line.append('{').append(worker).append("} ").append(result.testId());
        if (status != TestStatus.IN_PROGRESS) {
            result.duration()
                    .ifPresent(
                            d -> line.append(" [").append(seconds(d.toNanos())).append("s]"));
        }
        line.append(" ... ").append(outcome(result));
        out.println(line);
        if (failed && style.failuresLive()) {
            printAttachments(result);
        }
        if (!stopping) {
            out.print(display.refresh(clock.instant(), StatusDisplay.Moment.OUTPUT));
        }
        if (flushOnTick && !failed) {
            unflushed = true;
        } else {
            out.flush();
        }
    }

    /** Failures are kept for the summary's count only; their bulky attachments were printed live. */
    private static TestResult withoutBulk(TestResult r) {
        return new TestResult(
                r.testId(), r.status(), r.tags(), r.runnable(), r.routeCode(), r.start(), r.stop(), List.of());
    }

    /**
     * {@code String.format("%.6f", nanos / 1e9)}, without a Formatter per test (a sixth of {@code
     * subunit trace}'s time). Below 10^15 ns (11 days) the double's shortest decimal is exactly
     * {@code nanos / 1e9}, which the Formatter rounds half up: integers give the same digits.
     */
    static String seconds(long nanos) {
        if (nanos < 0 || nanos >= 1_000_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
        }
        long micros = nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0);
        StringBuilder b = new StringBuilder(16).append(micros / 1_000_000).append('.');
        String frac = Long.toString(micros % 1_000_000);
        for (int pad = frac.length(); pad < 6; pad++) {
            b.append('0');
        }
        return b.append(frac).toString();
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

    private String paint(String colour, String text) {
        return style.color() ? colour + text + RESET : text;
    }
}
