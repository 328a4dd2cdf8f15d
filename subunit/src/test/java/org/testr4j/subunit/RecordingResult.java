package org.testr4j.subunit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link StreamResult} that keeps every event it is given, for assertions.
 *
 * <pre>{@code
 * RecordingResult rec = new RecordingResult();
 * PacketReader.lenient(in).readAll(rec);
 * assertThat(rec.events()).extracting(Event::testId).containsExactly("foo");
 * }</pre>
 */
public final class RecordingResult implements StreamResult {
    private final List<Event> events = new ArrayList<>();
    private int runsStarted;
    private int runsStopped;

    @Override
    public void startRun() {
        runsStarted++;
    }

    @Override
    public void status(Event event) {
        events.add(event);
    }

    @Override
    public void stopRun() {
        runsStopped++;
    }

    /** The events in arrival order. */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public int runsStarted() {
        return runsStarted;
    }

    public int runsStopped() {
        return runsStopped;
    }
}
