package org.testr4j.subunit.process;

import java.time.Clock;
import java.util.Objects;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Gives every event that has no timestamp the current time from a clock; events that have one pass
 * unchanged.
 *
 * <p>Inject the clock so tests can fix the time ({@link Clock#fixed}) and producers can share one.
 *
 * <pre>{@code
 * StreamResult stamped = new Timestamper(Clock.systemUTC(), writer);
 * stamped.status(Event.test("a").build()); // writer sees the event with timestamp = now
 * }</pre>
 */
public final class Timestamper implements StreamResult {
    private final Clock clock;
    private final StreamResult downstream;

    public Timestamper(Clock clock, StreamResult downstream) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        downstream.status(event.timestamp() == null ? event.withTimestamp(clock.instant()) : event);
    }

    @Override
    public void stopRun() {
        downstream.stopRun();
    }
}
