package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class TimestamperTest implements StreamResultContract {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new Timestamper(CLOCK, new RecordingResult());
    }

    @Test
    void stampsEventsWithoutATimestamp() {
        new Timestamper(CLOCK, rec).status(Event.test("a").build());

        assertThat(rec.events()).extracting(Event::timestamp).containsExactly(NOW);
    }

    @Test
    void leavesExistingTimestampsAlone() {
        Event stamped = Event.test("a").timestamp(Instant.EPOCH).build();

        new Timestamper(CLOCK, rec).status(stamped);

        assertThat(rec.events()).containsExactly(stamped);
    }

    @Test
    void forwardsStartAndStop() {
        Timestamper stamper = new Timestamper(CLOCK, rec);

        stamper.startRun();
        stamper.stopRun();

        assertThat(rec.calls()).containsExactly("startRun", "stopRun");
    }
}
