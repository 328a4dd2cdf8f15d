package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The integer fast path of a test case's time gives python's {@code "%0.3f"} digits, as the exact reckoning does. */
class JUnitXmlSecondsProperties {
    @Property(tries = 5000)
    void timeMatchesRoundingTheDoubleExactly(@ForAll("micros") long delta) {
        double seconds = Math.floorDiv(delta, 1_000_000L) + 0.000001 * Math.floorMod(delta, 1_000_000L);
        String exact =
                new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();

        assertThat(JUnitXmlWriter.seconds(0L, delta)).isEqualTo(exact);
    }

    @Provide
    Arbitrary<Long> micros() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-5_000_000L, 5_000_000L),
                Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L),
                // just around a half millisecond, where rounding is decided
                Arbitraries.longs().between(0, 100_000_000_000L).map(ms -> ms * 1000 + 499),
                Arbitraries.longs().between(0, 100_000_000_000L).map(ms -> ms * 1000 + 501),
                Arbitraries.longs().between(0, 100_000_000_000L).map(ms -> ms * 1000 + 500));
    }
}
