package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

class StreamsTest {
    private final RecordingResult a = new RecordingResult();
    private final RecordingResult b = new RecordingResult();

    @Test
    void teeCopiesToEachSink() {
        StreamResult both = Streams.tee(a, b);

        both.status(Event.test("x").build());

        assertThat(a.testIds()).containsExactly("x");
        assertThat(b.testIds()).containsExactly("x");
    }

    @Test
    void pipelineRunsItsStagesInTheOrderWritten() {
        // Tag first, then select by that tag: only works if the tagger comes before the filter.
        StreamResult pipeline = Streams.through(next -> new Tagger(Set.of("ci"), Set.of(), next))
                .then(next -> new TestFilter(TestSelection.all().withTag("ci"), next))
                .then(next -> new RoutePrefixer("0", next))
                .into(a);

        pipeline.startRun();
        pipeline.status(Event.test("t").status(TestStatus.SUCCESS).build());
        pipeline.stopRun();

        assertThat(a.events())
                .extracting(Event::testId, Event::tags, Event::routeCode)
                .containsExactly(tuple("t", Set.of("ci"), "0"));
        assertThat(a.calls()).containsExactly("startRun", "status t", "stopRun");
    }

    @Test
    void discardAcceptsARunAndKeepsNothing() {
        StreamResult discard = Streams.discard();

        assertThatCode(() -> {
                    discard.startRun();
                    discard.status(Event.test("x").build());
                    discard.stopRun();
                })
                .doesNotThrowAnyException();
    }
}
