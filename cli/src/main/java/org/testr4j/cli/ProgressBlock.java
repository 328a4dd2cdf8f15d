package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status block a terminal shows below a run's output: a progress bar with done/total, failures
 * and the ETA, then one line per worker with its current test and how long it has run, in bold
 * yellow once it has run longer than its recorded duration. Every line fits {@code width} columns.
 *
 * <pre>{@code
 * [###########.........]  812/1200  3 failed  ETA 2m10s
 *   0  com.x.FooTest.slow  95s (usually 40s)
 *   1  idle
 * }</pre>
 */
final class ProgressBlock {
    /** A test shorter than this is never shown as overdue: a 5 ms test taking 50 ms is no news. */
    static final Duration OVERDUE_FLOOR = Duration.ofSeconds(2);

    /** More workers than this are summed up in one line, so the block fits a terminal. */
    static final int MAX_WORKER_LINES = 16;

    private static final int MAX_BAR = 40;
    private static final int MIN_BAR = 10;
    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String OVERDUE = "\u001b[1;33m";

    private final int width;
    private final boolean color;

    ProgressBlock(int width, boolean color) {
        this.width = Math.max(20, width);
        this.color = color;
    }

    /** The block's lines at {@code now}, without line ends; none when there is nothing to show. */
    List<String> lines(RunProgress progress, Instant now) {
        List<RunProgress.RunningTest> running = progress.running();
        if (!progress.knowsTotal() && running.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(header(progress, now, running.size()));
        Map<String, RunProgress.RunningTest> byWorker = new LinkedHashMap<>();
        for (String worker : progress.workersSeen()) {
            byWorker.put(worker, null);
        }
        for (RunProgress.RunningTest t : running) {
            RunProgress.RunningTest shown = byWorker.get(t.worker());
            if (shown == null || t.since().isBefore(shown.since())) {
                byWorker.put(t.worker(), t); // the longest-running of a worker's tests tells most
            }
        }
        int n = 0;
        for (Map.Entry<String, RunProgress.RunningTest> e : byWorker.entrySet()) {
            if (n++ == MAX_WORKER_LINES) {
                lines.add(fit("  ... " + (byWorker.size() - MAX_WORKER_LINES) + " more workers"));
                break;
            }
            lines.add(workerLine(progress, e.getKey(), e.getValue(), now));
        }
        return lines;
    }

    private String header(RunProgress progress, Instant now, int running) {
        StringBuilder tail = new StringBuilder();
        if (progress.knowsTotal()) {
            tail.append("  ")
                    .append(Math.min(progress.done(), progress.total()))
                    .append('/')
                    .append(progress.total());
        } else {
            tail.append(progress.done()).append(" done, ").append(running).append(" running");
        }
        String failed = progress.failed() > 0 ? "  " + progress.failed() + " failed" : "";
        Optional<Duration> eta = EtaEstimate.of(progress, now);
        String etaText = eta.map(d -> "  ETA " + EtaEstimate.format(d)).orElse("");
        if (!progress.knowsTotal()) {
            return fit(tail + failed + etaText, failed);
        }
        int barWidth = Math.min(MAX_BAR, width - 1 - tail.length() - failed.length() - etaText.length() - 2);
        String bar = "";
        if (barWidth >= MIN_BAR) {
            long filled = progress.total() == 0
                    ? barWidth
                    : Math.min(barWidth, progress.done() * barWidth / progress.total());
            bar = "[" + "#".repeat((int) filled) + ".".repeat(barWidth - (int) filled) + "]";
        } else {
            tail.deleteCharAt(0).deleteCharAt(0);
        }
        return fit(bar + tail + failed + etaText, failed);
    }

    private String workerLine(RunProgress progress, String worker, RunProgress.RunningTest test, Instant now) {
        String label = "  " + worker + "  ";
        if (test == null) {
            return fit(label + "idle");
        }
        Duration elapsed = test.elapsed(now);
        Optional<Duration> usual = progress.recorded(test.testId());
        String times = "  " + EtaEstimate.format(elapsed)
                + usual.map(u -> " (usually " + EtaEstimate.format(u) + ")").orElse("");
        int room = width - 1 - label.length() - times.length();
        String line = label + leftTruncated(test.testId(), room) + times;
        if (line.length() > width - 1) {
            line = line.substring(0, width - 1);
        }
        return isOverdue(elapsed, usual) ? paint(OVERDUE, line) : line;
    }

    /** True once a test has run longer than its record, when that is longer than the floor. */
    static boolean isOverdue(Duration elapsed, Optional<Duration> usual) {
        if (usual.isEmpty()) {
            return false;
        }
        Duration limit = usual.get().compareTo(OVERDUE_FLOOR) > 0 ? usual.get() : OVERDUE_FLOOR;
        return elapsed.compareTo(limit) > 0;
    }

    /** Keeps the end of a test id, the part that names it, when it must be cut. */
    private static String leftTruncated(String id, int room) {
        if (id.length() <= room) {
            return id;
        }
        if (room <= 1) {
            return room == 1 ? "…" : "";
        }
        return "…" + id.substring(id.length() - (room - 1));
    }

    private String fit(String line) {
        return line.length() < width ? line : line.substring(0, width - 2) + "…";
    }

    /** Fits the line, then colours the failure count in it if it is still whole. */
    private String fit(String line, String failed) {
        String fitted = fit(line);
        if (!color || failed.isEmpty() || !fitted.contains(failed)) {
            return fitted;
        }
        return fitted.replace(failed, "  " + RED + failed.substring(2) + RESET);
    }

    private String paint(String colour, String text) {
        return color ? colour + text + RESET : text;
    }
}
