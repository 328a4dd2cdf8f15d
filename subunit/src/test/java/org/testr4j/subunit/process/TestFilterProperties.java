package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventArbitraries;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

class TestFilterProperties {

    @Property(tries = 500)
    void keepsExactlyTheTestsTheSelectionKeeps(
            @ForAll("streams") List<Event> stream, @ForAll("selections") TestSelection selection) {
        List<TestResult> expected = new ArrayList<>();
        for (TestResult test : assemble(stream)) {
            if (selection.keeps(test)) {
                expected.add(test);
            }
        }

        RecordingResult out = new RecordingResult();
        run(new TestFilter(selection, out), stream);

        assertThat(assemble(out.events())).isEqualTo(expected);
    }

    @Property(tries = 300)
    void passesEventsWithoutATestIdAsTheSelectionSays(
            @ForAll("streams") List<Event> stream, @ForAll("selections") TestSelection selection) {
        RecordingResult out = new RecordingResult();
        run(new TestFilter(selection, out), stream);

        List<Event> expected = selection.nonTestEvents() == TestSelection.NonTestEvents.KEEP
                ? stream.stream().filter(e -> e.testId() == null).toList()
                : List.of();
        assertThat(out.events().stream().filter(e -> e.testId() == null)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void holdsNoTestOnceTheRunStops(
            @ForAll("streams") List<Event> stream, @ForAll("selections") TestSelection selection) {
        TestFilter filter = new TestFilter(selection, new RecordingResult());

        run(filter, stream);

        assertThat(filter.inProgress()).isZero();
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        return EventArbitraries.streams();
    }

    @Provide
    Arbitrary<TestSelection> selections() {
        Arbitrary<Set<TestStatus>> statuses = Arbitraries.of(EnumSet.complementOf(EnumSet.of(TestStatus.NONE)))
                .set();
        Arbitrary<List<String>> with =
                Arbitraries.of("^a$", "pkg", "boom", "^line").list().ofMaxSize(2);
        Arbitrary<List<String>> without =
                Arbitraries.of("b", "two$", "ok").list().ofMaxSize(1);
        Arbitrary<Set<String>> withTags = Arbitraries.of("x", "y").set().ofMaxSize(1);
        Arbitrary<Set<String>> withoutTags = Arbitraries.of("y", "z").set().ofMaxSize(1);
        Arbitrary<TestSelection.NonTestEvents> nonTest = Arbitraries.of(TestSelection.NonTestEvents.class);
        return Combinators.combine(statuses, with, without, withTags, withoutTags, nonTest)
                .as((st, w, wo, wt, wot, nt) -> {
                    TestSelection s = new TestSelection(st, List.of(), List.of(), wt, wot, nt);
                    for (String regex : w) {
                        s = s.matching(regex);
                    }
                    for (String regex : wo) {
                        s = s.notMatching(regex);
                    }
                    return s;
                });
    }

    private static List<TestResult> assemble(List<Event> events) {
        List<TestResult> results = new ArrayList<>();
        run(new TestAssembler(results::add), events);
        return results;
    }

    private static void run(StreamResult sink, List<Event> events) {
        sink.startRun();
        events.forEach(sink::status);
        sink.stopRun();
    }
}
