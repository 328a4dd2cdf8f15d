package org.testr4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@link ProgressBlock} at the bottom of a terminal, redrawn in place with ANSI cursor
 * movement: each line is written with its line end, so the cursor waits below the block; erasing
 * moves it up over the block and clears to the end of the screen. Output goes where the block was,
 * and the block is drawn again below it, at most once per {@link #MIN_INTERVAL} (the tick catches up).
 *
 * <pre>{@code
 * out.print(status.hide());  // "\u001b[3A\u001b[J": up over a 3-line block, clear below
 * out.println("{0} pkg.T.a [0.1s] ... ok");
 * out.print(status.refresh(now, Moment.OUTPUT));
 * }</pre>
 */
final class TerminalStatus implements StatusDisplay {
    /** Redraws this often at most: a terminal flooded with redraws is slower than the tests. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    private final RunProgress progress;
    private final ProgressBlock block;
    private int shown; // lines of the block on the screen now
    private Instant drawn; // when the block was last drawn; null before the first time

    TerminalStatus(RunProgress progress, ProgressBlock block) {
        this.progress = progress;
        this.block = block;
    }

    @Override
    public String hide() {
        if (shown == 0) {
            return "";
        }
        String erase = "\u001b[" + shown + "A\u001b[J";
        shown = 0;
        return erase;
    }

    @Override
    public String refresh(Instant now, Moment moment) {
        if (moment != Moment.TICK
                && drawn != null
                && Duration.between(drawn, now).compareTo(MIN_INTERVAL) < 0) {
            return "";
        }
        drawn = now;
        List<String> lines = block.lines(progress, now);
        StringBuilder text = new StringBuilder(hide());
        for (String line : lines) {
            text.append(line).append('\n');
        }
        shown = lines.size();
        return text.toString();
    }
}
