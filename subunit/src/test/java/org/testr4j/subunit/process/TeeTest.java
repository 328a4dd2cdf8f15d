package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class TeeTest implements StreamResultContract {
    private final RecordingResult first = new RecordingResult();
    private final RecordingResult second = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new Tee(List.of(new RecordingResult(), new RecordingResult()));
    }

    @Test
    void copiesEveryCallToEverySinkInOrder() {
        Tee tee = new Tee(List.of(first, second));

        tee.startRun();
        tee.status(Event.test("a").build());
        tee.stopRun();

        assertThat(first.calls()).containsExactly("startRun", "status a", "stopRun");
        assertThat(second.calls()).isEqualTo(first.calls());
    }

    @Test
    void keepsFeedingTheOthersWhenASinkThrowsAndRethrowsAtStopRun() {
        IllegalStateException broken = new IllegalStateException("disk full");
        Tee tee = new Tee(List.of(failingOn("a", broken), second));

        tee.startRun();
        tee.status(Event.test("a").build());
        tee.status(Event.test("b").build());

        assertThatThrownBy(tee::stopRun).isSameAs(broken);
        assertThat(second.calls()).containsExactly("startRun", "status a", "status b", "stopRun");
    }

    @Test
    void stopsFeedingABrokenSinkButStillStopsIt() {
        RecordingResult brokenRecord = new RecordingResult();
        StreamResult broken = new StreamResult() {
            @Override
            public void status(Event event) {
                brokenRecord.status(event);
                throw new IllegalStateException("broken by " + event.testId());
            }

            @Override
            public void stopRun() {
                brokenRecord.stopRun();
            }
        };
        Tee tee = new Tee(List.of(broken, second));

        tee.status(Event.test("a").build());
        tee.status(Event.test("b").build());

        assertThatThrownBy(tee::stopRun).hasMessage("broken by a");
        assertThat(brokenRecord.calls()).containsExactly("status a", "stopRun");
    }

    @Test
    void addsLaterFailuresAsSuppressed() {
        RuntimeException one = new IllegalStateException("one");
        RuntimeException two = new IllegalArgumentException("two");
        AssertionError three = new AssertionError("three");
        StreamResult failsAtStop = new StreamResult() {
            @Override
            public void status(Event event) {}

            @Override
            public void stopRun() {
                throw three;
            }
        };
        Tee tee = new Tee(List.of(failingOn("a", one), failingOn("a", two), failsAtStop, second));

        tee.status(Event.test("a").build());

        assertThatThrownBy(tee::stopRun)
                .isSameAs(one)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(two, three));
        assertThat(second.events()).hasSize(1);
    }

    @Test
    void rethrowsAVirtualMachineErrorAtOnce() {
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        StreamResult outOfMemory = event -> {
            throw oom;
        };
        Tee tee = new Tee(List.of(outOfMemory, second));

        assertThatThrownBy(() -> tee.status(Event.test("a").build())).isSameAs(oom);
        assertThat(second.events()).isEmpty();
    }

    @Test
    void needsAtLeastOneSink() {
        assertThatThrownBy(() -> new Tee(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one sink");
    }

    private static StreamResult failingOn(String testId, RuntimeException failure) {
        return event -> {
            if (testId.equals(event.testId())) {
                throw failure;
            }
        };
    }
}
