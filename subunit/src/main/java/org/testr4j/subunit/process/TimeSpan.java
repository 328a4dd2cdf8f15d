package org.testr4j.subunit.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The earliest and latest timestamps seen so far: how long a stream ran, from its own clock.
 *
 * <pre>{@code
 * TimeSpan span = new TimeSpan();
 * span.include(event.timestamp()); // null timestamps are passed over
 * span.duration();                 // latest - earliest, zero before any timestamp
 * }</pre>
 */
public final class TimeSpan {
    private Instant first;
    private Instant last;

    /** Widens the span to take in {@code timestamp}; a null one changes nothing. */
    public void include(Instant timestamp) {
        if (timestamp == null) {
            return;
        }
        if (first == null || timestamp.isBefore(first)) {
            first = timestamp;
        }
        if (last == null || timestamp.isAfter(last)) {
            last = timestamp;
        }
    }

    public Optional<Instant> first() {
        return Optional.ofNullable(first);
    }

    public Optional<Instant> last() {
        return Optional.ofNullable(last);
    }

    /** From the earliest to the latest timestamp; zero when there was none. */
    public Duration duration() {
        return first == null ? Duration.ZERO : Duration.between(first, last);
    }
}
