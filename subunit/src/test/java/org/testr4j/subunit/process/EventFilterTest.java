package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class EventFilterTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new EventFilter(Event::hasFile, new RecordingResult());
    }

    @Test
    void passesOnlyAcceptedEvents() {
        EventFilter onlyTests = new EventFilter(e -> e.testId() != null, rec);

        onlyTests.startRun();
        onlyTests.status(Event.builder().file("stdout", Bytes.utf8("noise")).build());
        onlyTests.status(Event.test("a").build());
        onlyTests.stopRun();

        assertThat(rec.calls()).containsExactly("startRun", "status a", "stopRun");
    }
}
