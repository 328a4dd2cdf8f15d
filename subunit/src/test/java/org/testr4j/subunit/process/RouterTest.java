package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class RouterTest implements StreamResultContract {
    private final RecordingResult zero = new RecordingResult();
    private final RecordingResult one = new RecordingResult();
    private final RecordingResult rest = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new Router(Map.of("0", new RecordingResult()), new RecordingResult());
    }

    @Test
    void sendsEachEventByItsFirstRouteStepAndStripsIt() {
        Router router = router();

        router.status(Event.test("a").routeCode("0").build());
        router.status(Event.test("b").routeCode("1/2/3").build());

        assertThat(zero.events()).extracting(Event::testId, Event::routeCode).containsExactly(tuple("a", null));
        assertThat(one.events()).extracting(Event::testId, Event::routeCode).containsExactly(tuple("b", "2/3"));
    }

    @Test
    void sendsUnroutedAndUnknownRoutesToUnmatchedUnchanged() {
        Router router = router();
        Event unrouted = Event.test("a").build();
        Event unknown = Event.test("b").routeCode("7/1").build();
        Event prefixOnly = Event.test("c").routeCode("01").build();

        router.status(unrouted);
        router.status(unknown);
        router.status(prefixOnly);

        assertThat(rest.events()).containsExactly(unrouted, unknown, prefixOnly);
        assertThat(zero.events()).isEmpty();
    }

    @Test
    void undoesAMultiplexer() {
        Router router = router();
        Multiplexer mux = new Multiplexer(router);
        StreamResult w0 = mux.newSource();
        StreamResult w1 = mux.newSource();
        Event e = Event.test("a").routeCode("9").build();

        w0.startRun();
        w1.startRun();
        w1.status(e);
        w0.stopRun();
        w1.stopRun();

        assertThat(one.events()).containsExactly(e);
    }

    @Test
    void startsAndStopsEachDistinctSinkOnce() {
        Map<String, StreamResult> routes = new LinkedHashMap<>();
        routes.put("0", zero);
        routes.put("1", zero);
        Router router = new Router(routes, rest);

        router.startRun();
        router.stopRun();

        assertThat(zero.calls()).containsExactly("startRun", "stopRun");
        assertThat(rest.calls()).containsExactly("startRun", "stopRun");
    }

    @Test
    void refusesARouteThatIsNotOneStep() {
        assertThatThrownBy(() -> new Router(Map.of("0/1", zero), rest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0/1'");
    }

    private Router router() {
        Map<String, StreamResult> routes = new LinkedHashMap<>();
        routes.put("0", zero);
        routes.put("1", one);
        return new Router(routes, rest);
    }
}
