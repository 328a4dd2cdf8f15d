package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class MultiplexerTest implements StreamResultContract {
    private static final int PRODUCERS = 4;
    private static final int EVENTS_PER_PRODUCER = 2_000;

    private final RecordingResult rec = new RecordingResult();
    private final Multiplexer mux = new Multiplexer(rec);

    @Override
    public StreamResult createResult() {
        return new Multiplexer(new RecordingResult()).newSource();
    }

    @Test
    void labelsSourcesZeroOneTwoAndPrefixesTheirRoutes() {
        StreamResult w0 = mux.newSource();
        StreamResult w1 = mux.newSource();

        w0.status(Event.test("a").build());
        w1.status(Event.test("b").routeCode("5").build());

        assertThat(rec.events())
                .extracting(Event::testId, Event::routeCode)
                .containsExactly(tuple("a", "0"), tuple("b", "1/5"));
    }

    @Test
    void usesGivenLabelsAndSkipsThemWhenNumbering() {
        StreamResult named = mux.newSource("0");
        StreamResult numbered = mux.newSource();

        named.status(Event.test("a").build());
        numbered.status(Event.test("b").build());

        assertThat(rec.events()).extracting(Event::routeCode).containsExactly("0", "1");
    }

    @Test
    void refusesATakenLabel() {
        mux.newSource("w");

        assertThatThrownBy(() -> mux.newSource("w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w' is already taken");
    }

    @Test
    void startsDownstreamOnceAndStopsItWhenTheLastSourceStops() {
        StreamResult w0 = mux.newSource();
        StreamResult w1 = mux.newSource();

        w0.startRun();
        w1.startRun();
        w0.status(Event.test("a").build());
        w0.stopRun();
        assertThat(rec.stops()).isZero();
        w1.stopRun();

        assertThat(rec.calls()).containsExactly("startRun", "status a", "stopRun");
    }

    @Test
    void startsDownstreamBeforeAnEventFromASourceThatNeverStarted() {
        mux.newSource().status(Event.test("a").build());

        assertThat(rec.calls()).containsExactly("startRun", "status a");
    }

    @Test
    void refusesNewSourcesAfterTheRunStopped() {
        StreamResult only = mux.newSource();
        only.startRun();
        only.stopRun();

        assertThatThrownBy(mux::newSource)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already stopped");
    }

    @Test
    void refusesEventsFromAStoppedSource() {
        StreamResult w0 = mux.newSource();
        mux.newSource();
        w0.stopRun();

        assertThatThrownBy(() -> w0.status(Event.test("late").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source '0' got an event after its stopRun");
    }

    @Test
    void mergesProducerThreadsSoEveryEventArrivesOnceAndWhole() throws Exception {
        List<StreamResult> sources = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            sources.add(mux.newSource());
        }
        CyclicBarrier together = new CyclicBarrier(PRODUCERS);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            StreamResult source = sources.get(p);
            int producer = p;
            threads.add(new Thread(() -> {
                try {
                    together.await();
                    source.startRun();
                    for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
                        source.status(Event.test("t" + producer + "." + i)
                                .tags("p" + producer)
                                .routeCode(i % 2 == 0 ? null : "w")
                                .build());
                    }
                    source.stopRun();
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }

        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(rec.overlappingCalls()).isZero();
        assertThat(rec.starts()).isEqualTo(1);
        assertThat(rec.stops()).isEqualTo(1);
        assertThat(rec.calls()).first().isEqualTo("startRun");
        assertThat(rec.calls()).last().isEqualTo("stopRun");
        assertThat(rec.events()).hasSize(PRODUCERS * EVENTS_PER_PRODUCER);
        for (int p = 0; p < PRODUCERS; p++) {
            String label = Integer.toString(p);
            List<Event> own = rec.events().stream()
                    .filter(e -> e.routeCode().split("/")[0].equals(label))
                    .toList();
            assertThat(own).hasSize(EVENTS_PER_PRODUCER);
            for (int i = 0; i < EVENTS_PER_PRODUCER; i++) {
                Event e = own.get(i);
                // Each event arrives whole: id, tags and route all from the same producer's event.
                assertThat(e.testId()).isEqualTo("t" + p + "." + i);
                assertThat(e.tags()).containsExactly("p" + p);
                assertThat(e.routeCode()).isEqualTo(i % 2 == 0 ? label : label + "/w");
            }
        }
    }
}
