package org.testr4j.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The wall times of repeated passes of one benchmark over the same input, and what each pass handled.
 *
 * <pre>{@code
 * new Measurement("parse-noop", 2_050_000, 250_727_649, new long[] {810_000_000, 830_000_000}, cpu).row()
 * // "parse-noop  2050000  250727649  0.810  0.820  0.800  2  2500000  305.8" (rates from the median wall time)
 * }</pre>
 *
 * <p>The CPU time (the benchmark thread's, plus garbage collection) is printed beside the wall time
 * because the machine is shared: when other work competes for the cores, wall time grows but the
 * CPU a pass needed does not.
 *
 * @param name what was measured
 * @param items events (packets) handled by one pass
 * @param bytes stream bytes handled by one pass
 * @param nanos the wall time of each pass
 * @param cpuNanos the CPU time of each pass: the benchmark thread's plus the collector's
 */
record Measurement(String name, long items, long bytes, long[] nanos, long[] cpuNanos) {
    Measurement {
        if (nanos.length == 0) {
            throw new IllegalArgumentException(name + ": at least one timed pass is needed");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
        cpuNanos = cpuNanos.clone();
        Arrays.sort(cpuNanos);
    }

    long bestNanos() {
        return nanos[0];
    }

    /** The median pass; with an even count, the mean of the middle two. */
    long medianNanos() {
        return median(nanos);
    }

    long medianCpuNanos() {
        return median(cpuNanos);
    }

    private static long median(long[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Items per second at the median pass: a typical run rather than a lucky one. */
    double itemsPerSecond() {
        return items * 1e9 / medianNanos();
    }

    /** Decimal megabytes per second at the median pass, as python's reference figures are given. */
    double megabytesPerSecond() {
        return bytes * 1e3 / medianNanos();
    }

    static String header() {
        return String.format(
                Locale.ROOT,
                "%-14s %10s %11s %8s %9s %9s %5s %11s %8s",
                "bench",
                "items",
                "bytes",
                "best_s",
                "median_s",
                "cpu_s",
                "runs",
                "items/s",
                "MB/s");
    }

    /** One whitespace-separated row, so {@code bench/codec} can read it with awk. */
    String row() {
        return String.format(
                Locale.ROOT,
                "%-14s %10d %11d %8.3f %9.3f %9.3f %5d %11.0f %8.1f",
                name,
                items,
                bytes,
                bestNanos() / 1e9,
                medianNanos() / 1e9,
                medianCpuNanos() / 1e9,
                nanos.length,
                itemsPerSecond(),
                megabytesPerSecond());
    }
}
