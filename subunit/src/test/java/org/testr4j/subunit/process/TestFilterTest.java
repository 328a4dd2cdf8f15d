package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.TestStatus.EXISTS;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;
import org.testr4j.subunit.TestStatus;

class TestFilterTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new TestFilter(TestSelection.subunitFilterDefaults().matching("test_1"), new RecordingResult());
    }

    @Test
    void releasesEveryEventOfAKeptTestAtItsFinalStatus() {
        TestFilter filter = new TestFilter(TestSelection.subunitFilterDefaults(), rec);

        filter.status(start("a"));
        filter.status(Event.test("a").file("traceback", Bytes.utf8("boom")).build());
        assertThat(rec.events()).isEmpty();
        assertThat(filter.inProgress()).isEqualTo(1);
        filter.status(end("a", FAIL));

        assertThat(rec.events()).extracting(Event::status).containsExactly(IN_PROGRESS, TestStatus.NONE, FAIL);
        assertThat(filter.inProgress()).isZero();
    }

    @Test
    void dropsEveryEventOfATestNotKept() {
        TestFilter filter = new TestFilter(TestSelection.subunitFilterDefaults(), rec);

        filter.status(start("a"));
        filter.status(Event.test("a").file("stdout", Bytes.utf8("fine")).build());
        filter.status(end("a", SUCCESS));

        assertThat(rec.events()).isEmpty();
        assertThat(filter.inProgress()).isZero();
    }

    @Test
    void decidesByTagsSeenBeforeTheFinalStatus() {
        TestFilter filter = new TestFilter(TestSelection.all().withTag("db"), rec);

        filter.status(Event.test("a").status(IN_PROGRESS).tags("db").build());
        filter.status(end("a", SUCCESS));

        assertThat(rec.testIds()).containsExactly("a", "a");
    }

    @Test
    void decidesByErrorText() {
        TestFilter filter = new TestFilter(TestSelection.all().matching("Timeout"), rec);

        filter.status(start("a"));
        filter.status(Event.test("a")
                .file("traceback", Bytes.utf8("Timeout after 5s"))
                .build());
        filter.status(end("a", FAIL));
        filter.status(start("b"));
        filter.status(end("b", FAIL));

        assertThat(rec.testIds()).containsExactly("a", "a", "a");
    }

    @Test
    void tellsTheSameTestOnDifferentRoutesApart() {
        TestFilter filter = new TestFilter(TestSelection.subunitFilterDefaults(), rec);

        filter.status(start("a").withRouteCode("0"));
        filter.status(start("a").withRouteCode("1"));
        filter.status(end("a", SUCCESS).withRouteCode("0"));
        filter.status(end("a", FAIL).withRouteCode("1"));

        assertThat(rec.events()).extracting(Event::routeCode).containsExactly("1", "1");
    }

    @Test
    void releasesInterleavedTestsOneAfterTheOther() {
        TestFilter filter = new TestFilter(TestSelection.all(), rec);

        filter.status(start("a"));
        filter.status(start("b"));
        filter.status(end("b", SKIP));
        filter.status(end("a", FAIL));

        assertThat(rec.testIds()).containsExactly("b", "b", "a", "a");
    }

    @Test
    void passesEventsWithoutATestIdAtOnceUnlessToldToDropThem() {
        Event output = Event.builder().file("stdout", Bytes.utf8("between")).build();
        TestFilter keeping = new TestFilter(TestSelection.subunitFilterDefaults(), rec);
        RecordingResult dropped = new RecordingResult();
        TestFilter dropping =
                new TestFilter(TestSelection.subunitFilterDefaults().droppingNonTestEvents(), dropped);

        keeping.status(start("a"));
        keeping.status(output);
        dropping.status(output);

        assertThat(rec.events()).containsExactly(output);
        assertThat(dropped.events()).isEmpty();
    }

    @Test
    void decidesUnfinishedTestsAsInProgressAtStopRunThenStops() {
        TestFilter filter = new TestFilter(TestSelection.subunitFilterDefaults(), rec);

        filter.startRun();
        filter.status(start("hung"));
        filter.status(Event.test("files-only").file("log", Bytes.utf8("x")).build());
        filter.stopRun();

        assertThat(rec.calls()).containsExactly("startRun", "status hung", "status files-only", "stopRun");
        assertThat(filter.inProgress()).isZero();
    }

    @Test
    void dropsUnfinishedTestsWhenFailuresAreNotWanted() {
        TestFilter filter = new TestFilter(TestSelection.subunitFilterDefaults().dropping(FAIL, IN_PROGRESS), rec);

        filter.status(start("hung"));
        filter.stopRun();

        assertThat(rec.calls()).containsExactly("stopRun");
    }

    @Test
    void decidesALoneExistsEventAtOnce() {
        TestFilter keeping = new TestFilter(TestSelection.all(), rec);
        RecordingResult dropped = new RecordingResult();
        TestFilter defaults = new TestFilter(TestSelection.subunitFilterDefaults(), dropped);
        Event listed = Event.test("listed").status(EXISTS).build();

        keeping.status(listed);
        defaults.status(listed);

        assertThat(rec.events()).containsExactly(listed);
        assertThat(keeping.inProgress()).isZero();
        assertThat(dropped.events()).isEmpty();
    }

    @Test
    void passesKeptEventsOnUnchanged() {
        TestFilter filter = new TestFilter(TestSelection.all(), rec);
        Event first = start("a").toBuilder().tags("x").routeCode("0").build();
        Event last = end("a", SUCCESS).withRouteCode("0");

        filter.status(first);
        filter.status(last);

        assertThat(rec.events()).containsExactly(first, last);
        assertThat(rec.events().get(0)).isSameAs(first);
    }

    private static Event start(String id) {
        return Event.test(id).status(IN_PROGRESS).build();
    }

    private static Event end(String id, TestStatus status) {
        return Event.test(id).status(status).build();
    }
}
