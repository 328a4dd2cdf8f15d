package org.testr4j.subunit.v1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.testr4j.subunit.Event;

/** Reads v1 text into a list of events, with a fixed clock for streams that carry no time. */
final class V1Events {
    static final Instant CLOCK_TIME = Instant.parse("2030-01-01T00:00:00.123456Z");
    static final Clock CLOCK = Clock.fixed(CLOCK_TIME, ZoneOffset.UTC);

    private V1Events() {}

    static List<Event> read(String v1) {
        return read(v1.getBytes(StandardCharsets.UTF_8), InputShape.WHOLE);
    }

    static List<Event> read(String v1, InputShape shape) {
        return read(v1.getBytes(StandardCharsets.UTF_8), shape);
    }

    static List<Event> read(byte[] v1, InputShape shape) {
        List<Event> events = new ArrayList<>();
        try (V1Reader reader = V1Reader.lenient(shape.of(v1), CLOCK)) {
            reader.readAll(events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
