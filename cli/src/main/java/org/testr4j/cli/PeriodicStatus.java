package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The status of a run as one plain line every {@link #PERIOD}, for logs (CI) where nothing can be
 * redrawn: what is done, failed and running, the longest-running test and the ETA.
 *
 * <pre>{@code
 * testr run: 812/1200 done, 3 failed, 4 running (longest: com.x.FooTest.slow 95s), ETA 2m10s
 * }</pre>
 */
final class PeriodicStatus implements StatusDisplay {
    static final Duration PERIOD = Duration.ofSeconds(30);

    private final String name;
    private final RunProgress progress;
    private Instant printed;

    /** @param name the command, in front of each line: {@code testr run} */
    PeriodicStatus(String name, RunProgress progress, Instant start) {
        this.name = name;
        this.progress = progress;
        this.printed = start;
    }

    @Override
    public String hide() {
        return "";
    }

    @Override
    public String refresh(Instant now, Moment moment) {
        if (moment != Moment.TICK || Duration.between(printed, now).compareTo(PERIOD) < 0) {
            return "";
        }
        printed = now;
        return line(now) + "\n";
    }

    String line(Instant now) {
        StringBuilder s = new StringBuilder(name).append(": ").append(progress.done());
        if (progress.knowsTotal()) {
            s.append('/').append(progress.total());
        }
        s.append(" done, ").append(progress.failed()).append(" failed");
        List<RunProgress.RunningTest> running = progress.running();
        s.append(", ").append(running.size()).append(" running");
        Optional<RunProgress.RunningTest> longest =
                running.stream().min(java.util.Comparator.comparing(RunProgress.RunningTest::since));
        longest.ifPresent(t -> s.append(" (longest: ")
                .append(t.testId())
                .append(' ')
                .append(EtaEstimate.format(t.elapsed(now)))
                .append(')'));
        EtaEstimate.of(progress, now).ifPresent(eta -> s.append(", ETA ").append(EtaEstimate.format(eta)));
        return s.toString();
    }
}
