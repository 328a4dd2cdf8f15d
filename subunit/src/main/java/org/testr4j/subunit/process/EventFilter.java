package org.testr4j.subunit.process;

import java.util.Objects;
import java.util.function.Predicate;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Passes on the events a predicate accepts and drops the rest, one event at a time.
 *
 * <p>It looks at nothing but the event in hand, so it cannot keep or drop a whole test by its
 * outcome; use {@link TestFilter} for that.
 *
 * <pre>{@code
 * StreamResult noOutput = new EventFilter(event -> event.testId() != null, writer);
 * noOutput.status(Event.builder().file("stdout", Bytes.utf8("hi")).build()); // dropped
 * }</pre>
 */
public final class EventFilter implements StreamResult {
    private final Predicate<? super Event> accepts;
    private final StreamResult downstream;

    /**
     * @param accepts true for events to pass on
     * @param downstream where accepted events go
     */
    public EventFilter(Predicate<? super Event> accepts, StreamResult downstream) {
        this.accepts = Objects.requireNonNull(accepts, "accepts");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        if (accepts.test(event)) {
            downstream.status(event);
        }
    }

    @Override
    public void stopRun() {
        downstream.stopRun();
    }
}
