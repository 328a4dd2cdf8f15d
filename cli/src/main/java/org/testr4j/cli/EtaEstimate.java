package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the rest of a run should take, from recorded durations.
 *
 * <p>The work left is the recorded duration of every scheduled test not yet started (one without a
 * record counts at the median of the records) plus what the tests in progress should still need.
 * That work is shared by the workers and scaled by the run's pace so far (finished tests that took
 * half as long again as their records make the rest half as long again too); no estimate is shorter
 * than the longest test still in progress needs.
 *
 * <pre>{@code
 * EtaEstimate.of(progress, clock.instant()); // Optional[PT2M10S], empty when nothing is known
 * }</pre>
 */
final class EtaEstimate {
    /** The pace is trusted this far and no further: one odd test must not swing the estimate wildly. */
    private static final double SLOWEST_PACE = 4.0;

    private static final double FASTEST_PACE = 0.25;

    private EtaEstimate() {}

    /** The time left, or empty when the run's tests are unknown or nothing says how long they take. */
    static Optional<Duration> of(RunProgress progress, Instant now) {
        if (!progress.knowsTotal()) {
            return Optional.empty();
        }
        Duration work = progress.unstartedRecorded();
        if (progress.unstartedUnrecorded() > 0) {
            Optional<Duration> guess = progress.unrecordedGuess();
            if (guess.isEmpty()) {
                return Optional.empty();
            }
            work = work.plus(guess.get().multipliedBy(progress.unstartedUnrecorded()));
        }
        Duration longestRunning = Duration.ZERO;
        for (RunProgress.RunningTest t : progress.running()) {
            Optional<Duration> expected = progress.expected(t.testId());
            if (expected.isEmpty()) {
                return Optional.empty();
            }
            Duration left = expected.get().minus(t.elapsed(now));
            if (left.isNegative()) {
                left = Duration.ZERO;
            }
            work = work.plus(left);
            if (left.compareTo(longestRunning) > 0) {
                longestRunning = left;
            }
        }
        double pace = Math.max(FASTEST_PACE, Math.min(SLOWEST_PACE, progress.pace()));
        Duration shared = scale(work.dividedBy(progress.workers()), pace);
        Duration tail = scale(longestRunning, pace);
        return Optional.of(shared.compareTo(tail) >= 0 ? shared : tail);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }

    /** {@code 42s}, {@code 2m10s}, {@code 1h02m}: short enough for a status line. */
    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + two(s % 60) + "s";
        }
        return s / 3600 + "h" + two(s / 60 % 60) + "m";
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
