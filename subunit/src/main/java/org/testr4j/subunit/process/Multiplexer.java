package org.testr4j.subunit.process;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Merges several sources, each on its own thread if need be, into one downstream run, prefixing
 * each source's route codes with its label (subunit's multiplexing rule).
 *
 * <p>Hand out one source per producer with {@link #newSource()} (labelled {@code 0}, {@code 1}, …)
 * or {@link #newSource(String)}. Downstream sees one run: {@code startRun} before the first source
 * starts or sends anything, and {@code stopRun} once every source handed out has stopped. So hand
 * out all sources before the last one stops; a source asked for later is refused. Every call
 * downstream holds one lock, so sources may be fed from different threads and downstream need not
 * be thread-safe; each source's events keep their order.
 *
 * <pre>{@code
 * Multiplexer mux = new Multiplexer(writer);
 * StreamResult worker0 = mux.newSource(), worker1 = mux.newSource();
 * // worker1 sends Event.test("a").routeCode("2") ; writer sees route code "1/2"
 * }</pre>
 */
public final class Multiplexer {
    private final Object lock = new Object();
    private final StreamResult downstream;
    private final Set<String> labels = new HashSet<>();
    private int nextNumber;
    private int open;
    private boolean started;
    private boolean stopped;

    /** @param downstream receives the merged run; it need not be thread-safe */
    public Multiplexer(StreamResult downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** A new source labelled with the next unused number, counting from {@code 0}. */
    public StreamResult newSource() {
        synchronized (lock) {
            while (labels.contains(Integer.toString(nextNumber))) {
                nextNumber++;
            }
            return newSource(Integer.toString(nextNumber++));
        }
    }

    /**
     * A new source whose events reach downstream with {@code label} in front of their route code.
     *
     * @throws IllegalArgumentException if the label is not one route step or is already taken
     * @throws IllegalStateException if every source handed out so far has already stopped
     */
    public StreamResult newSource(String label) {
        RoutePrefixer prefixer = new RoutePrefixer(label, downstream);
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("cannot add source '" + label
                        + "': the multiplexed run already stopped when its last source stopped;"
                        + " hand out every source before any of them stops");
            }
            if (!labels.add(label)) {
                throw new IllegalArgumentException("source label '" + label + "' is already taken");
            }
            open++;
            return new Source(prefixer);
        }
    }

    /** One producer's entrance; all sources share the multiplexer's lock. */
    private final class Source implements StreamResult {
        private final RoutePrefixer prefixer;
        private boolean sourceStopped;

        Source(RoutePrefixer prefixer) {
            this.prefixer = prefixer;
        }

        @Override
        public void startRun() {
            synchronized (lock) {
                requireRunning("startRun");
                startDownstream();
            }
        }

        @Override
        public void status(Event event) {
            Objects.requireNonNull(event, "event");
            synchronized (lock) {
                requireRunning("an event");
                startDownstream();
                prefixer.status(event);
            }
        }

        @Override
        public void stopRun() {
            synchronized (lock) {
                requireRunning("stopRun");
                sourceStopped = true;
                if (--open == 0) {
                    startDownstream();
                    stopped = true;
                    downstream.stopRun();
                }
            }
        }

        private void requireRunning(String what) {
            if (sourceStopped) {
                throw new IllegalStateException(
                        "source '" + prefixer.prefix() + "' got " + what + " after its stopRun");
            }
        }

        private void startDownstream() {
            if (!started) {
                started = true;
                downstream.startRun();
            }
        }

        @Override
        public String toString() {
            return "Multiplexer source '" + prefixer.prefix() + "'";
        }
    }
}
