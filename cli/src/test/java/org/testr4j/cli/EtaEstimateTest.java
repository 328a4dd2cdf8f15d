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

class EtaEstimateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static TestTimes times(Object... idsAndSeconds) {
        Map<String, Duration> m = new java.util.HashMap<>();
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            m.put((String) idsAndSeconds[i], Duration.ofSeconds((Integer) idsAndSeconds[i + 1]));
        }
        return TestTimes.of(m);
    }

    private static void event(RunProgress p, String id, TestStatus status, int atSecond) {
        p.status(Event.test(id).status(status).routeCode("0").build(), T0.plusSeconds(atSecond));
    }

    @Test
    void sharesTheRecordedWorkLeftAmongTheWorkers() {
        RunProgress p = RunProgress.scheduled(List.of("a", "b", "c"), times("a", 10, "b", 20, "c", 30), 2);

        assertThat(EtaEstimate.of(p, T0)).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void countsATestWithoutARecordAtTheMedianOfTheRecords() {
        RunProgress p = RunProgress.scheduled(List.of("a", "b", "c", "new"), times("a", 10, "b", 20, "c", 30), 2);

        assertThat(EtaEstimate.of(p, T0)).hasValue(Duration.ofSeconds(40)); // (10 + 20 + 30 + 20) / 2
    }

    @Test
    void takesOffWhatTheTestsInProgressHaveAlreadyRun() {
        RunProgress p = RunProgress.scheduled(List.of("a", "b"), times("a", 10, "b", 20), 2);

        event(p, "a", TestStatus.IN_PROGRESS, 0);

        assertThat(EtaEstimate.of(p, T0.plusSeconds(4))).hasValue(Duration.ofSeconds(13)); // (6 + 20) / 2
    }

    @Test
    void isNeverShorterThanTheLongestTestInProgressStillNeeds() {
        RunProgress p = RunProgress.scheduled(List.of("long", "short"), times("long", 100, "short", 1), 4);

        event(p, "long", TestStatus.IN_PROGRESS, 0);

        assertThat(EtaEstimate.of(p, T0.plusSeconds(10))).hasValue(Duration.ofSeconds(90));
    }

    @Test
    void followsThePaceOfTheRun() {
        RunProgress p = RunProgress.scheduled(List.of("a", "b"), times("a", 10, "b", 10), 1);

        event(p, "a", TestStatus.IN_PROGRESS, 0);
        event(p, "a", TestStatus.SUCCESS, 20); // twice as long as recorded

        assertThat(p.pace()).isEqualTo(2.0);
        assertThat(EtaEstimate.of(p, T0.plusSeconds(20))).hasValue(Duration.ofSeconds(20));
    }

    @Test
    void withoutAnyHistoryWaitsForTheFirstTestThenCountsTheRestAtTheMeanSoFar() {
        RunProgress p = RunProgress.scheduled(List.of("a", "b", "c"), TestTimes.NONE, 1);

        assertThat(EtaEstimate.of(p, T0)).isEmpty();

        event(p, "a", TestStatus.IN_PROGRESS, 0);
        event(p, "a", TestStatus.SUCCESS, 5);

        assertThat(EtaEstimate.of(p, T0.plusSeconds(5))).hasValue(Duration.ofSeconds(10));
    }

    @Test
    void isZeroWhenEveryTestIsDoneAndUnknownWithoutASchedule() {
        RunProgress done = RunProgress.scheduled(List.of("a"), times("a", 3), 1);
        event(done, "a", TestStatus.IN_PROGRESS, 0);
        event(done, "a", TestStatus.SUCCESS, 3);

        assertThat(EtaEstimate.of(done, T0.plusSeconds(3))).hasValue(Duration.ZERO);
        assertThat(EtaEstimate.of(RunProgress.unscheduled(times("a", 3), 1), T0))
                .isEmpty();
    }

    @Test
    void formatsShortly() {
        assertThat(EtaEstimate.format(Duration.ofMillis(42_900))).isEqualTo("42s");
        assertThat(EtaEstimate.format(Duration.ofSeconds(130))).isEqualTo("2m10s");
        assertThat(EtaEstimate.format(Duration.ofSeconds(3600 + 125))).isEqualTo("1h02m");
    }
}
