package org.testr4j.subunit.process;

import java.util.Objects;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * A thread-safe front for a sink: each call runs alone, so several producer threads can share one
 * sink that is not thread-safe itself.
 *
 * <p>This is the one place processors get thread safety from; none of them locks on its own. Each
 * call holds the lock for its whole length, so an event never interleaves with another, and a
 * thread's events keep their order. The lock is private, so no caller can hold it by accident.
 *
 * <pre>{@code
 * StreamResult shared = Synchronized.of(PacketWriter.to(out));
 * workers.forEach(w -> w.reportTo(new RoutePrefixer(w.name(), shared)));
 * }</pre>
 */
public final class Synchronized implements StreamResult {
    private final Object lock = new Object();
    private final StreamResult downstream;

    private Synchronized(StreamResult downstream) {
        this.downstream = downstream;
    }

    /** A thread-safe front for {@code sink}; {@code sink} itself if it already is one. */
    public static StreamResult of(StreamResult sink) {
        Objects.requireNonNull(sink, "sink");
        return sink instanceof Synchronized ? sink : new Synchronized(sink);
    }

    @Override
    public void startRun() {
        synchronized (lock) {
            downstream.startRun();
        }
    }

    @Override
    public void status(Event event) {
        synchronized (lock) {
            downstream.status(event);
        }
    }

    @Override
    public void stopRun() {
        synchronized (lock) {
            downstream.stopRun();
        }
    }
}
