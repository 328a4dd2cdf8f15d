package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class ProgressBlockTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final TestTimes TIMES = TestTimes.of(Map.of(
            "pkg.A.one", Duration.ofSeconds(10),
            "pkg.A.two", Duration.ofSeconds(10),
            "pkg.B.slow", Duration.ofSeconds(30),
            "pkg.B.tiny", Duration.ofMillis(5)));

    private final RunProgress progress =
            RunProgress.scheduled(List.of("pkg.A.one", "pkg.A.two", "pkg.B.slow", "pkg.B.tiny"), TIMES, 2);

    @Test
    void workersAreOrderedByNumberThenOthersByName() {
        List<String> routes = new ArrayList<>(List.of("x", "10", "2", "02", "1234567890", "0", "w1"));
        routes.sort(RunProgress.WORKER_ORDER);
        assertThat(routes).containsExactly("0", "02", "2", "10", "1234567890", "w1", "x");
    }

    private void event(String id, TestStatus status, String route, int atSecond) {
        progress.status(Event.test(id).status(status).routeCode(route).build(), T0.plusSeconds(atSecond));
    }

    @Test
    void showsTheBarDoneOfTotalTheEtaAndEachWorkersTestWithItsTimes() {
        event("pkg.A.one", TestStatus.IN_PROGRESS, "0", 0);
        event("pkg.B.slow", TestStatus.IN_PROGRESS, "1", 0);
        event("pkg.A.one", TestStatus.SUCCESS, "0", 10);

        List<String> lines = new ProgressBlock(60, false).lines(progress, T0.plusSeconds(12));

        // work left: pkg.A.two 10 + pkg.B.tiny 0 + pkg.B.slow 30 - 12 = 28 s, over 2 workers: 14 s,
        // but pkg.B.slow alone still needs 18 s
        assertThat(lines)
                .containsExactly(
                        "[##########..............................]  1/4  ETA 18s",
                        "  0  idle",
                        "  1  pkg.B.slow  12s (usually 30s)");
    }

    @Test
    void countsFailuresInRedAndHighlightsATestRunningPastItsRecord() {
        event("pkg.A.one", TestStatus.IN_PROGRESS, "0", 0);
        event("pkg.A.one", TestStatus.FAIL, "0", 1);
        event("pkg.B.slow", TestStatus.IN_PROGRESS, "1", 1);

        List<String> lines = new ProgressBlock(80, true).lines(progress, T0.plusSeconds(41));

        assertThat(lines.get(0)).contains("1/4  \u001b[31m1 failed\u001b[0m  ETA ");
        assertThat(lines.get(2)).isEqualTo("\u001b[1;33m  1  pkg.B.slow  40s (usually 30s)\u001b[0m");
    }

    @Test
    void aTinyTestIsNotOverdueUntilItPassesTheFloor() {
        Optional<Duration> fiveMillis = Optional.of(Duration.ofMillis(5));

        assertThat(ProgressBlock.isOverdue(Duration.ofSeconds(1), fiveMillis)).isFalse();
        assertThat(ProgressBlock.isOverdue(Duration.ofSeconds(3), fiveMillis)).isTrue();
        assertThat(ProgressBlock.isOverdue(Duration.ofSeconds(29), Optional.of(Duration.ofSeconds(30))))
                .isFalse();
        assertThat(ProgressBlock.isOverdue(Duration.ofHours(1), Optional.empty()))
                .as("no record, no expectation")
                .isFalse();
    }

    @Test
    void everyLineFitsTheWidthAndALongIdKeepsItsEnd() {
        String id = "com.example.some.deeply.nested.module.SomethingTest.test_what_it_does";
        RunProgress p = RunProgress.scheduled(List.of(id), TestTimes.NONE, 1);
        p.status(Event.test(id).status(TestStatus.IN_PROGRESS).routeCode("0").build(), T0);

        List<String> lines = new ProgressBlock(40, false).lines(p, T0.plusSeconds(3));

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(40));
        assertThat(lines.get(0)).isEqualTo("[................................]  0/1");
        assertThat(lines.get(1)).isEqualTo("  0  …methingTest.test_what_it_does  3s");
    }

    @Test
    void manyWorkersAreSummedUpSoTheBlockFitsTheScreen() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("t" + i);
        }
        RunProgress p = RunProgress.scheduled(ids, TestTimes.NONE, 20);
        for (int i = 0; i < 20; i++) {
            p.status(
                    Event.test("t" + i)
                            .status(TestStatus.IN_PROGRESS)
                            .routeCode(Integer.toString(i))
                            .build(),
                    T0);
        }

        List<String> lines = new ProgressBlock(80, false).lines(p, T0);

        assertThat(lines).hasSize(1 + ProgressBlock.MAX_WORKER_LINES + 1);
        assertThat(lines.get(1)).startsWith("  0  t0");
        assertThat(lines.get(10)).as("in number order").startsWith("  9  t9");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  ... 4 more workers");
    }

    @Test
    void withoutAScheduleShowsCountsAndNothingOnceNoTestRuns() {
        RunProgress p = RunProgress.unscheduled(TestTimes.NONE, 1);
        p.status(Event.test("a").status(TestStatus.IN_PROGRESS).build(), T0);

        assertThat(new ProgressBlock(80, false).lines(p, T0)).containsExactly("0 done, 1 running", "  -  a  0s");

        p.status(Event.test("a").status(TestStatus.SUCCESS).build(), T0);

        assertThat(new ProgressBlock(80, false).lines(p, T0)).isEmpty();
    }
}
