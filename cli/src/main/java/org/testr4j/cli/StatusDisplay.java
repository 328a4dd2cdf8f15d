package org.testr4j.cli;

import java.time.Instant;

/**
 * What {@link TraceView} shows of the tests in progress between its lines of output: a block redrawn
 * in place on a terminal, a plain line now and then in a log. It returns the text to write rather
 * than writing it, so the view writes it with its own output, in one piece, under its own lock.
 */
interface StatusDisplay {
    /** Why the display is asked to refresh. */
    enum Moment {
        /** An event arrived. */
        EVENT,
        /** The view has just written output (after {@link #hide()}). */
        OUTPUT,
        /** The periodic tick: a few times a second on a terminal, once a second in a log. */
        TICK
    }

    /** The text that takes the display off the screen before other output; empty if nothing is shown. */
    String hide();

    /** The text that shows the display as it is at {@code now}; empty when it has nothing new to show. */
    String refresh(Instant now, Moment moment);
}
