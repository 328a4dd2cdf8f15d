package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class PeriodicStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void printsOnePlainLineEveryThirtySecondsOfTicks() {
        RunProgress p = RunProgress.scheduled(
                List.of("a", "b", "com.x.FooTest.slow", "d"),
                TestTimes.of(Map.of("a", Duration.ofSeconds(5), "com.x.FooTest.slow", Duration.ofSeconds(200))),
                2);
        PeriodicStatus status = new PeriodicStatus("testr run", p, T0);
        p.status(
                Event.test("com.x.FooTest.slow")
                        .status(TestStatus.IN_PROGRESS)
                        .routeCode("0")
                        .build(),
                T0);
        p.status(Event.test("a").status(TestStatus.IN_PROGRESS).routeCode("1").build(), T0.plusSeconds(5));
        p.status(Event.test("a").status(TestStatus.FAIL).routeCode("1").build(), T0.plusSeconds(10));
        p.status(Event.test("b").status(TestStatus.IN_PROGRESS).routeCode("1").build(), T0.plusSeconds(10));

        assertThat(status.refresh(T0.plusSeconds(29), StatusDisplay.Moment.TICK))
                .isEmpty();
        assertThat(status.refresh(T0.plusSeconds(95), StatusDisplay.Moment.EVENT))
                .isEmpty();
        // b and d count at the median of the records (5 s, 200 s): 102.5 s each, of which b has run 85 s;
        // with the slow test's 105 s still to go, 225 s of work is left for 2 workers
        assertThat(status.refresh(T0.plusSeconds(95), StatusDisplay.Moment.TICK))
                .isEqualTo("testr run: 1/4 done, 1 failed, 2 running (longest: com.x.FooTest.slow 1m35s),"
                        + " ETA 1m52s\n");
        assertThat(status.refresh(T0.plusSeconds(120), StatusDisplay.Moment.TICK))
                .isEmpty();
        assertThat(status.hide()).isEmpty();
    }
}
