package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** {@link TraceView#seconds} writes exactly what {@code String.format("%.6f", nanos / 1e9)} writes. */
class TraceSecondsProperties {
    private static String formatted(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    @Property
    void anyDurationUpToElevenDays(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long nanos) {
        assertThat(TraceView.seconds(nanos)).isEqualTo(formatted(nanos));
    }

    @Property
    void halfAMicrosecondAndItsNeighbours(
            @ForAll @LongRange(min = 0, max = 999_999_999_999L) long micros,
            @ForAll @LongRange(min = -2, max = 2) long off) {
        long nanos = Math.max(0, micros * 1000 + 500 + off);
        assertThat(TraceView.seconds(nanos)).isEqualTo(formatted(nanos));
    }

    @Example
    void edges() {
        for (long nanos : new long[] {
            0,
            1,
            499,
            500,
            501,
            999_999_499,
            999_999_500,
            1_000_000_000,
            999_999_999_999_999L,
            1_000_000_000_000_000L,
            Long.MAX_VALUE,
            -1,
            -1500
        }) {
            assertThat(TraceView.seconds(nanos)).as("%d ns", nanos).isEqualTo(formatted(nanos));
        }
    }
}
