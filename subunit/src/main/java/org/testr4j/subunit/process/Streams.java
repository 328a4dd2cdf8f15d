package org.testr4j.subunit.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Static factories for pipelines, written in the order the events flow.
 *
 * <p>Nesting constructors reads backwards ({@code new TestFilter(s, new Tagger(a, r, writer))});
 * {@link #through} reads forwards: first the filter, then the tagger, then the writer.
 *
 * <pre>{@code
 * StreamResult pipeline = Streams.through(next -> new TestFilter(selection, next))
 *         .then(next -> new Tagger(Set.of("ci"), Set.of(), next))
 *         .into(Streams.tee(writer, summary));
 * }</pre>
 */
public final class Streams {
    private static final StreamResult DISCARD = new StreamResult() {
        @Override
        public void status(Event event) {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String toString() {
            return "Streams.discard()";
        }
    };

    private Streams() {}

    /** A sink that copies every call to each of {@code sinks} in turn; see {@link Tee}. */
    public static StreamResult tee(StreamResult first, StreamResult... more) {
        List<StreamResult> sinks = new ArrayList<>(1 + more.length);
        sinks.add(first);
        sinks.addAll(List.of(more));
        return new Tee(sinks);
    }

    /** A sink that drops every event. */
    public static StreamResult discard() {
        return DISCARD;
    }

    /** Starts a pipeline whose first step is {@code stage}, a processor given its downstream. */
    public static Pipeline through(Function<? super StreamResult, ? extends StreamResult> stage) {
        return new Pipeline(List.of(Objects.requireNonNull(stage, "stage")));
    }

    /** Processors in the order events pass through them, waiting for the sink at the end. */
    public static final class Pipeline {
        private final List<Function<? super StreamResult, ? extends StreamResult>> stages;

        private Pipeline(List<Function<? super StreamResult, ? extends StreamResult>> stages) {
            this.stages = stages;
        }

        /** This pipeline followed by {@code stage}. */
        public Pipeline then(Function<? super StreamResult, ? extends StreamResult> stage) {
            List<Function<? super StreamResult, ? extends StreamResult>> longer = new ArrayList<>(stages);
            longer.add(Objects.requireNonNull(stage, "stage"));
            return new Pipeline(List.copyOf(longer));
        }

        /** Connects the stages, the last feeding {@code sink}, and returns the entrance. */
        public StreamResult into(StreamResult sink) {
            StreamResult next = Objects.requireNonNull(sink, "sink");
            for (int i = stages.size() - 1; i >= 0; i--) {
                next = Objects.requireNonNull(stages.get(i).apply(next), "stage " + i + " returned null");
            }
            return next;
        }
    }
}
