package org.testr4j.subunit.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Sends each event to a sink chosen by the first step of its route code, and strips that step:
 * the inverse of {@link Multiplexer} and {@link RoutePrefixer}.
 *
 * <p>An event routed {@code "0/3"} reaches the sink for {@code "0"} with route code {@code "3"};
 * one routed {@code "0"} reaches it with no route code. Events whose first step has no sink, and
 * events with no route code, go to the {@code unmatched} sink unchanged. Every distinct sink gets
 * {@code startRun} and {@code stopRun} once, in the order the routes were given, {@code unmatched}
 * last.
 *
 * <pre>{@code
 * Router router = new Router(Map.of("0", worker0Log, "1", worker1Log), Streams.discard());
 * router.status(Event.test("a").routeCode("1/2").build()); // worker1Log sees route code "2"
 * }</pre>
 */
public final class Router implements StreamResult {
    private final Map<String, StreamResult> routes;
    private final StreamResult unmatched;
    private final List<StreamResult> sinks;

    /**
     * @param routes a sink for each first route step; iterated once, in its own order
     * @param unmatched where events with no matching route go
     */
    public Router(Map<String, ? extends StreamResult> routes, StreamResult unmatched) {
        Map<String, StreamResult> copy = new LinkedHashMap<>();
        routes.forEach((step, sink) ->
                copy.put(RoutePrefixer.requireRouteStep(step), Objects.requireNonNull(sink, "sink for " + step)));
        this.routes = Collections.unmodifiableMap(copy);
        this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
        Set<StreamResult> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<StreamResult> ordered = new ArrayList<>();
        for (StreamResult sink : copy.values()) {
            if (distinct.add(sink)) {
                ordered.add(sink);
            }
        }
        if (distinct.add(unmatched)) {
            ordered.add(unmatched);
        }
        this.sinks = List.copyOf(ordered);
    }

    @Override
    public void startRun() {
        sinks.forEach(StreamResult::startRun);
    }

    @Override
    public void status(Event event) {
        String route = event.routeCode();
        if (route == null) {
            unmatched.status(event);
            return;
        }
        int slash = route.indexOf('/');
        String first = slash < 0 ? route : route.substring(0, slash);
        StreamResult sink = routes.get(first);
        if (sink == null) {
            unmatched.status(event);
        } else {
            sink.status(event.withRouteCode(slash < 0 ? null : route.substring(slash + 1)));
        }
    }

    @Override
    public void stopRun() {
        sinks.forEach(StreamResult::stopRun);
    }
}
