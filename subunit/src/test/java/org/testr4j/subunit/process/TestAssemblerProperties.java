package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventArbitraries;
import org.testr4j.subunit.RoutedTestId;
import org.testr4j.subunit.TestStatus;

/**
 * The assembler against the plainest model of it: each test's events gathered under its id and
 * route, in the order tests opened. It keeps the newest test apart from the others (no id hashed
 * for a stream of one test at a time), so interleaved tests and routes must still come out whole.
 */
class TestAssemblerProperties {

    @Property(tries = 1000)
    void handsOnWhatGatheringEachTestsEventsGives(@ForAll("streams") List<Event> stream) {
        List<TestResult> expected = new ArrayList<>();
        Map<RoutedTestId, List<Event>> open = new LinkedHashMap<>();
        List<Integer> expectedInProgress = new ArrayList<>();
        for (Event event : stream) {
            if (event.testId() != null) {
                RoutedTestId key = RoutedTestId.of(event);
                if (event.status() == TestStatus.EXISTS && !open.containsKey(key)) {
                    expected.add(TestAssembler.assemble(List.of(event), event));
                } else {
                    open.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                    if (event.status().isFinal()) {
                        expected.add(TestAssembler.assemble(open.remove(key), event));
                    }
                }
            }
            expectedInProgress.add(open.size());
        }
        open.values().forEach(events -> expected.add(TestAssembler.assemble(events, null)));

        List<TestResult> results = new ArrayList<>();
        List<Integer> inProgress = new ArrayList<>();
        TestAssembler assembler = new TestAssembler(results::add);
        assembler.startRun();
        for (Event event : stream) {
            assembler.status(event);
            inProgress.add(assembler.inProgress());
        }
        assembler.stopRun();

        assertThat(results).isEqualTo(expected);
        assertThat(inProgress).isEqualTo(expectedInProgress);
        assertThat(assembler.inProgress()).isZero();
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        return EventArbitraries.streams();
    }
}
