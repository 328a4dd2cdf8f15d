package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSpanTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void isEmptyAndZeroBeforeAnyTimestamp() {
        TimeSpan span = new TimeSpan();

        span.include(null);

        assertThat(span.first()).isEmpty();
        assertThat(span.duration()).isZero();
    }

    @Test
    void takesTheEarliestAndLatestWhateverTheOrder() {
        TimeSpan span = new TimeSpan();

        span.include(T.plusSeconds(5));
        span.include(T);
        span.include(T.plusSeconds(2));

        assertThat(span.first()).contains(T);
        assertThat(span.last()).contains(T.plusSeconds(5));
        assertThat(span.duration()).isEqualTo(Duration.ofSeconds(5));
    }
}
