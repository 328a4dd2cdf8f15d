package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;
import org.testr4j.subunit.TestStatus;

class TestAssemblerTest implements StreamResultContract {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final List<TestResult> results = new ArrayList<>();
    private final TestAssembler assembler = new TestAssembler(results::add);

    @Override
    public StreamResult createResult() {
        return new TestAssembler(results::add);
    }

    @Test
    void assemblesATestFromStartToFinalStatus() {
        assembler.status(Event.test("a").status(IN_PROGRESS).timestamp(T0).build());
        assembler.status(Event.test("a")
                .file("traceback", Bytes.utf8("Trace"))
                .mimeType("text/plain")
                .build());
        assembler.status(
                Event.test("a").file("traceback", Bytes.utf8("back")).eof(true).build());
        assembler.status(
                Event.test("a").status(FAIL).timestamp(T0.plusMillis(250)).build());

        assertThat(results).hasSize(1);
        TestResult a = results.get(0);
        assertThat(a.status()).isEqualTo(FAIL);
        assertThat(a.duration()).contains(Duration.ofMillis(250));
        assertThat(a.attachment("traceback"))
                .hasValueSatisfying(t -> assertThat(t.content().utf8()).isEqualTo("Traceback"))
                .hasValueSatisfying(t -> assertThat(t.mimeType()).isEqualTo("text/plain"));
        assertThat(assembler.inProgress()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = TestStatus.class,
            names = {"SUCCESS", "UNEXPECTED_SUCCESS", "SKIP", "FAIL", "EXPECTED_FAIL"})
    void endsATestAtEveryFinalStatus(TestStatus status) {
        assembler.status(Event.test("a").status(IN_PROGRESS).build());
        assembler.status(Event.test("a").status(status).build());

        assertThat(results).extracting(TestResult::status).containsExactly(status);
    }

    @Test
    void tellsTheSameTestOnTwoRoutesApart() {
        assembler.status(Event.test("a").status(IN_PROGRESS).routeCode("0").build());
        assembler.status(Event.test("a").status(IN_PROGRESS).routeCode("1").build());
        assembler.status(Event.test("a").status(FAIL).routeCode("1").build());
        assembler.status(Event.test("a").status(SUCCESS).routeCode("0").build());

        assertThat(results)
                .extracting(TestResult::routeCode, TestResult::status)
                .containsExactly(tuple("1", FAIL), tuple("0", SUCCESS));
    }

    @Test
    void reportsALoneExistsEventAsAResultOfItsOwn() {
        assembler.status(Event.test("listed").status(EXISTS).timestamp(T0).build());

        assertThat(results)
                .extracting(TestResult::testId, TestResult::status, TestResult::start, TestResult::stop)
                .containsExactly(tuple("listed", EXISTS, T0, T0));
    }

    @Test
    void keepsTheFileOfALoneExistsEvent() {
        assembler.status(Event.test("listed")
                .status(EXISTS)
                .file("note", Bytes.utf8("why"))
                .eof(true)
                .build());

        assertThat(results.get(0).attachment("note")).isPresent();
    }

    @Test
    void handsOnUnfinishedTestsAsInProgressAtStopRun() {
        assembler.status(Event.test("hung").status(IN_PROGRESS).timestamp(T0).build());
        assembler.status(Event.test("done").status(IN_PROGRESS).build());
        assembler.status(Event.test("done").status(SUCCESS).build());
        assertThat(assembler.inProgress()).isEqualTo(1);

        assembler.stopRun();

        assertThat(results)
                .extracting(TestResult::testId, TestResult::status)
                .containsExactly(tuple("done", SUCCESS), tuple("hung", IN_PROGRESS));
        assertThat(assembler.inProgress()).isZero();
    }

    @Test
    void passesOverEventsWithoutATestId() {
        assembler.status(
                Event.builder().file("stdout", Bytes.utf8("between tests")).build());
        assembler.stopRun();

        assertThat(results).isEmpty();
    }

    @Test
    void takesTheTagsOfTheLatestStatusEvent() {
        assembler.status(Event.test("a").status(IN_PROGRESS).tags("x").build());
        assembler.status(Event.test("a").status(SUCCESS).tags("y").build());

        assertThat(results.get(0).tags()).isEqualTo(Set.of("y"));
    }

    @Test
    void keepsEarlierTagsWhenTheFinalStatusCarriesNone() {
        // python-subunit writes tags only when there are some, and testtools keeps the most recent
        // tags seen: a final status without tags does not take the test's tags away.
        assembler.status(Event.test("a").status(IN_PROGRESS).tags("slow").build());
        assembler.status(Event.test("a").status(FAIL).build());

        assertThat(results.get(0).tags()).isEqualTo(Set.of("slow"));
    }

    @Test
    void joinsFileChunksInArrivalOrderOfTheirFirstChunk() {
        assembler.status(Event.test("a").file("stdout", Bytes.utf8("o1")).build());
        assembler.status(Event.test("a").file("stderr", Bytes.utf8("e1")).build());
        assembler.status(Event.test("a").file("stdout", Bytes.utf8("o2")).build());
        assembler.status(Event.test("a").status(SUCCESS).build());

        assertThat(results.get(0).attachments())
                .extracting(Attachment::name, a -> a.content().utf8())
                .containsExactly(tuple("stdout", "o1o2"), tuple("stderr", "e1"));
    }
}
