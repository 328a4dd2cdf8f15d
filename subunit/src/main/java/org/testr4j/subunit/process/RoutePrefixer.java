package org.testr4j.subunit.process;

import java.util.Objects;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Puts a label in front of every route code, as a multiplexer must (subunit spec: a forwarder
 * prefixes the route code of each event it passes on, joining with {@code /}).
 *
 * <p>An event with no route code gets the label alone. Events are derived, never changed.
 *
 * <pre>{@code
 * StreamResult worker0 = new RoutePrefixer("0", writer);
 * worker0.status(Event.test("a").routeCode("3").build()); // writer sees route code "0/3"
 * }</pre>
 */
public final class RoutePrefixer implements StreamResult {
    private final String prefix;
    private final StreamResult downstream;

    /**
     * @param prefix one step of a route: not empty, no {@code /}, no NUL
     * @param downstream where the relabelled events go
     */
    public RoutePrefixer(String prefix, StreamResult downstream) {
        this.prefix = requireRouteStep(prefix);
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** The label this prefixer puts in front of route codes. */
    public String prefix() {
        return prefix;
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        String route = event.routeCode() == null ? prefix : prefix + "/" + event.routeCode();
        downstream.status(event.withRouteCode(route));
    }

    @Override
    public void stopRun() {
        downstream.stopRun();
    }

    /** Checks that {@code step} is one step of a route code, as prefixers and routers need. */
    static String requireRouteStep(String step) {
        Objects.requireNonNull(step, "route step");
        if (step.isEmpty() || step.indexOf('/') >= 0 || step.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a route step must be non-empty without '/' or NUL, was '" + step.replace('\0', '␀') + "'");
        }
        return step;
    }
}
