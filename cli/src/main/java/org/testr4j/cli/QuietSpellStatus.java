package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code subunit trace}'s status in a log: when nothing was printed for {@link #QUIET_PERIOD} while
 * tests are running, one line naming them, so a silent log is seen to be alive.
 *
 * <pre>{@code
 * 1 test in progress: {0} pkg.T.slow (35s)
 * }</pre>
 */
final class QuietSpellStatus implements StatusDisplay {
    static final Duration QUIET_PERIOD = Duration.ofSeconds(30);
    private static final int SHOWN = 3;

    private final RunProgress progress;
    private Instant lastOutput;

    QuietSpellStatus(RunProgress progress, Instant start) {
        this.progress = progress;
        this.lastOutput = start;
    }

    @Override
    public String hide() {
        return "";
    }

    @Override
    public String refresh(Instant now, Moment moment) {
        if (moment == Moment.OUTPUT) {
            lastOutput = now;
            return "";
        }
        List<RunProgress.RunningTest> running = progress.running();
        if (moment != Moment.TICK
                || running.isEmpty()
                || Duration.between(lastOutput, now).compareTo(QUIET_PERIOD) < 0) {
            return "";
        }
        lastOutput = now;
        StringBuilder s = new StringBuilder()
                .append(running.size())
                .append(running.size() == 1 ? " test" : " tests")
                .append(" in progress");
        int n = 0;
        for (RunProgress.RunningTest t : running) {
            if (n++ == SHOWN) {
                s.append(", ...");
                break;
            }
            s.append(n == 1 ? ": " : ", ");
            if (!t.worker().equals("-")) {
                s.append('{').append(t.worker()).append("} ");
            }
            s.append(t.testId()).append(" (").append(t.elapsed(now).toSeconds()).append("s)");
        }
        return s.append('\n').toString();
    }
}
