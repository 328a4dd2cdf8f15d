package org.testr4j.subunit;

import java.util.Objects;

/**
 * A test as one route ran it: its id and route code. Two workers can run the same test id at once,
 * so whatever gathers a test's events (assembling, filtering, indexing) keys them by both.
 *
 * <p>Not a record: a record's {@code equals} and {@code hashCode} are linked through invokedynamic
 * on first use, a few milliseconds of every short command that reads a stream.
 *
 * <pre>{@code
 * Map<RoutedTestId, Instant> started = new HashMap<>();
 * started.putIfAbsent(RoutedTestId.of(event), event.timestamp());
 * }</pre>
 */
public final class RoutedTestId {
    private final String testId;
    private final String routeCode;

    private RoutedTestId(String testId, String routeCode) {
        this.testId = Objects.requireNonNull(testId, "testId");
        this.routeCode = routeCode;
    }

    /** The test an event is about, on its route. */
    public static RoutedTestId of(Event event) {
        return new RoutedTestId(event.testId(), event.routeCode());
    }

    /** A test id on a route code (null for none). */
    public static RoutedTestId of(String testId, String routeCode) {
        return new RoutedTestId(testId, routeCode);
    }

    public String testId() {
        return testId;
    }

    /** The route code, or null for a test on no route. */
    public String routeCode() {
        return routeCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutedTestId
                && ((RoutedTestId) o).testId.equals(testId)
                && Objects.equals(((RoutedTestId) o).routeCode, routeCode);
    }

    @Override
    public int hashCode() {
        return testId.hashCode() * 31 + Objects.hashCode(routeCode);
    }

    @Override
    public String toString() {
        return routeCode == null ? testId : testId + " on route " + routeCode;
    }
}
