package org.testr4j.subunit.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RoutedTestId;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Keeps or drops whole tests, as python's {@code subunit-filter} does: every event of a test, or
 * none of them, chosen by a {@link TestSelection}.
 *
 * <p>Whether a test is wanted is known only at its final status (outcome, latest tags, error
 * text), so this processor buffers, and says so: it holds the events of each test in progress,
 * told apart by test id and route code as {@link TestAssembler} does, and at the final status
 * passes them all on together or drops them all. Memory is bounded by the tests in progress. A lone
 * {@code exists} event is a test of its own, decided at once. At {@link #stopRun()} each test
 * still open is decided with status {@link TestStatus#IN_PROGRESS}, in the order the tests began,
 * before {@code stopRun} is passed on. Events without a test id are passed on at once or dropped,
 * as {@link TestSelection#nonTestEvents()} says. Kept events leave unchanged, in their order
 * within each test; tests that ran side by side leave one after the other.
 *
 * <pre>{@code
 * StreamResult failures = new TestFilter(TestSelection.subunitFilterDefaults().dropping(TestStatus.SKIP), writer);
 * PacketReader.lenient(in).readAll(failures); // writer gets the failed and unfinished tests
 * }</pre>
 */
public final class TestFilter implements StreamResult {
    private final TestSelection selection;
    private final StreamResult downstream;
    private final Map<RoutedTestId, List<Event>> open = new LinkedHashMap<>();

    /**
     * @param selection which tests to keep
     * @param downstream where the kept tests' events go
     */
    public TestFilter(TestSelection selection, StreamResult downstream) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** How many tests have begun and not yet been decided. */
    public int inProgress() {
        return open.size();
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        if (event.testId() == null) {
            if (selection.nonTestEvents() == TestSelection.NonTestEvents.KEEP) {
                downstream.status(event);
            }
            return;
        }
        RoutedTestId key = RoutedTestId.of(event);
        List<Event> events = open.get(key);
        if (events == null) {
            if (event.status() == TestStatus.EXISTS) {
                decide(List.of(event), event);
                return;
            }
            events = new ArrayList<>();
            open.put(key, events);
        }
        events.add(event);
        if (event.status().isFinal()) {
            open.remove(key);
            decide(events, event);
        }
    }

    @Override
    public void stopRun() {
        List<List<Event>> unfinished = new ArrayList<>(open.values());
        open.clear();
        for (List<Event> events : unfinished) {
            decide(events, null);
        }
        downstream.stopRun();
    }

    private void decide(List<Event> events, Event end) {
        TestStatus status = end == null ? TestStatus.IN_PROGRESS : end.status();
        // Most tests are decided by status alone: skip assembling their attachments.
        if (!selection.keepsStatus(status)) {
            return;
        }
        if (selection.keeps(TestAssembler.assemble(events, end))) {
            for (Event event : events) {
                downstream.status(event);
            }
        }
    }
}
