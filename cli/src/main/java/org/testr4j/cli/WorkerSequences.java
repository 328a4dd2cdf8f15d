package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.testr4j.repository.Repository;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketReader;

/**
 * The tests each worker of a stored run ran, in the order it ran them, read from the run's stream:
 * a test belongs to the worker whose route code its events carry (the first segment, as {@code
 * testr run} puts its worker's index in front of any route code the test command gave), and takes
 * its place from its first {@code inprogress} or final event. Tests without a route code count as
 * worker {@code 0}; the synthetic {@code testr4j.worker-N} tests of a crashed worker are not tests.
 *
 * <pre>{@code
 * WorkerSequences seq = WorkerSequences.read(repo, 3);
 * seq.routes();       // [0, 1]
 * seq.tests("1");     // Optional[[b.two, a.three]]
 * }</pre>
 */
final class WorkerSequences {
    /** The tests a crashed worker is reported as: {@code testr4j.worker-0}. */
    private static final String CRASH_TEST_PREFIX = "testr4j.worker-";

    /** Numeric routes in numeric order (2 before 10), then any others by name. */
    private static final Comparator<String> ROUTE_ORDER = Comparator.<String, Boolean>comparing(
                    r -> !r.matches("\\d{1,9}"))
            .thenComparing(r -> r.matches("\\d{1,9}") ? Integer.parseInt(r) : 0)
            .thenComparing(Comparator.naturalOrder());

    private final Map<String, List<String>> byRoute;

    private WorkerSequences(Map<String, List<String>> byRoute) {
        this.byRoute = byRoute;
    }

    static WorkerSequences read(Repository repo, int runId) throws IOException {
        Map<String, List<String>> byRoute = new TreeMap<>(ROUTE_ORDER);
        Set<String> seen = new HashSet<>();
        try (InputStream in = repo.openStream(runId);
                PacketReader reader = PacketReader.lenient(in)) {
            reader.readAll(event -> place(event, byRoute, seen));
        }
        return new WorkerSequences(byRoute);
    }

    private static void place(Event event, Map<String, List<String>> byRoute, Set<String> seen) {
        String id = event.testId();
        if (id == null || id.startsWith(CRASH_TEST_PREFIX)) {
            return;
        }
        TestStatus status = event.status();
        if (status != TestStatus.IN_PROGRESS && !status.isFinal()) {
            return; // attachments and tags alone say nothing about when a test ran
        }
        if (seen.add(id)) {
            byRoute.computeIfAbsent(workerOf(event.routeCode()), r -> new ArrayList<>())
                    .add(id);
        }
    }

    private static String workerOf(String routeCode) {
        if (routeCode == null || routeCode.isEmpty()) {
            return "0";
        }
        int slash = routeCode.indexOf('/');
        return slash < 0 ? routeCode : routeCode.substring(0, slash);
    }

    /** The routes that ran tests, in order. */
    List<String> routes() {
        return List.copyOf(byRoute.keySet());
    }

    /** The tests {@code route} ran, in order, or empty if it ran none. */
    Optional<List<String>> tests(String route) {
        return Optional.ofNullable(byRoute.get(route)).map(List::copyOf);
    }

    /** Every route with its tests, in route order. */
    Map<String, List<String>> all() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byRoute.forEach((r, ids) -> copy.put(r, List.copyOf(ids)));
        return copy;
    }

    boolean isEmpty() {
        return byRoute.isEmpty();
    }
}
