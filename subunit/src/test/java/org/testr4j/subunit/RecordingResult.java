package org.testr4j.subunit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that records what it is given, for assertions: the events, how often the run started and
 * stopped, and every call in order.
 *
 * <p>It is not thread-safe, on purpose: it counts calls that overlap (one thread entering while
 * another is inside), so a test can prove that a front such as {@code Synchronized} really keeps
 * calls apart. Its lists are guarded, so overlapping calls are reported by {@link
 * #overlappingCalls()} instead of corrupting the record.
 *
 * <pre>{@code
 * RecordingResult rec = new RecordingResult();
 * new Tagger(Set.of("ci"), Set.of(), rec).status(Event.test("a").build());
 * assertThat(rec.events()).extracting(Event::tags).containsExactly(Set.of("ci"));
 * }</pre>
 */
public final class RecordingResult implements StreamResult {
    private final List<Event> events = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger overlapping = new AtomicInteger();

    @Override
    public void startRun() {
        enter();
        try {
            record("startRun", null);
        } finally {
            leave();
        }
    }

    @Override
    public void status(Event event) {
        enter();
        try {
            // Give another thread the chance to enter while this call is in progress.
            Thread.yield();
            record("status", event);
        } finally {
            leave();
        }
    }

    @Override
    public void stopRun() {
        enter();
        try {
            record("stopRun", null);
        } finally {
            leave();
        }
    }

    /** The events received, in order. */
    public List<Event> events() {
        synchronized (calls) {
            return List.copyOf(events);
        }
    }

    /** Every call received, in order: {@code startRun}, {@code status <testId>}, {@code stopRun}. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How many times {@link #startRun()} was called. */
    public int starts() {
        return count("startRun");
    }

    /** How many times {@link #stopRun()} was called. */
    public int stops() {
        return count("stopRun");
    }

    /** How many calls began while another was still in progress. */
    public int overlappingCalls() {
        return overlapping.get();
    }

    /** The test ids of the events received, in order, with null for events without one. */
    public List<String> testIds() {
        List<String> ids = new ArrayList<>();
        for (Event e : events()) {
            ids.add(e.testId());
        }
        return ids;
    }

    private int count(String call) {
        synchronized (calls) {
            return (int) calls.stream().filter(call::equals).count();
        }
    }

    private void record(String call, Event event) {
        synchronized (calls) {
            if (event == null) {
                calls.add(call);
            } else {
                events.add(event);
                calls.add(call + " " + event.testId());
            }
        }
    }

    private void enter() {
        if (inside.incrementAndGet() > 1) {
            overlapping.incrementAndGet();
        }
    }

    private void leave() {
        inside.decrementAndGet();
    }
}
