package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimingPartitionerTest {
    static Map<String, Duration> seconds(Object... idThenSeconds) {
        java.util.LinkedHashMap<String, Duration> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < idThenSeconds.length; i += 2) {
            m.put((String) idThenSeconds[i], Duration.ofMillis((long)
                    (((Number) idThenSeconds[i + 1]).doubleValue() * 1000)));
        }
        return m;
    }

    static List<List<String>> ids(List<Partition> parts) {
        return parts.stream().map(Partition::testIds).toList();
    }

    @Test
    void packsLongestFirstOntoTheLeastLoadedWorker() {
        var times = TestTimes.of(seconds("a", 1, "b", 5, "c", 3, "d", 3, "e", 2));
        var p = new TimingPartitioner(2, times);

        List<Partition> parts = p.partition(List.of("a", "b", "c", "d", "e"));

        // b(5) to 0; c(3) to 1; d(3) to 1 (3 < 5); e(2) to 0 (5 < 6); a(1) to 1 (6 < 7)
        assertThat(ids(parts)).containsExactly(List.of("b", "e"), List.of("c", "d", "a"));
        assertThat(parts.get(0).expected()).isEqualTo(Duration.ofSeconds(7));
        assertThat(parts.get(1).expected()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void newTestsAreDealtOutRoundRobinAfterTheTimedOnes() {
        var p = new TimingPartitioner(3, TestTimes.of(seconds("t", 9)));

        assertThat(ids(p.partition(List.of("n1", "t", "n2", "n3", "n4"))))
                .containsExactly(List.of("t", "n1", "n4"), List.of("n2"), List.of("n3"));
    }

    @Test
    void groupsStayTogetherInListedOrder() {
        var p = new TimingPartitioner(2, TestTimes.NONE).groupedBy(Pattern.compile("[^.]+\\."));

        List<Partition> parts = p.partition(List.of("x.1", "y.1", "x.2", "z.1", "y.2", "x.3"));

        assertThat(ids(parts)).containsExactly(List.of("x.1", "x.2", "x.3", "z.1"), List.of("y.1", "y.2"));
    }

    @Test
    void aGroupRegexThatDoesNotMatchAtTheStartLeavesTheTestAlone() {
        var p = new TimingPartitioner(1, TestTimes.NONE).groupedBy(Pattern.compile("b"));

        assertThat(p.groupOf("ab")).isEqualTo("ab");
        assertThat(p.groupOf("ba")).isEqualTo("b");
    }

    @Test
    void partlyTimedGroupsComeAfterFullyTimedOnes() {
        var times = TestTimes.of(seconds("a.1", 1, "b.1", 4));
        var p = new TimingPartitioner(2, times).groupedBy(Pattern.compile("[^.]+\\."));

        // a. is fully timed (1 s) and goes first, b. is partly timed (4 s known) and goes second
        assertThat(ids(p.partition(List.of("b.1", "b.2", "a.1"))))
                .containsExactly(List.of("a.1"), List.of("b.1", "b.2"));
    }

    @Test
    void aSeedShufflesEachWorkersGroupsTheSameWayEveryTime() {
        var p = new TimingPartitioner(2, TestTimes.NONE).groupedBy(Pattern.compile("[^.]+\\."));
        List<String> tests = List.of("a.1", "a.2", "b.1", "c.1", "d.1", "e.1", "f.1", "g.1", "h.1", "i.1");

        List<Partition> first = p.partition(tests, 42);

        assertThat(first).isEqualTo(p.partition(tests, 42));
        assertThat(first).isNotEqualTo(p.partition(tests));
        String joined = String.join(",", first.get(0).testIds()) + ","
                + String.join(",", first.get(1).testIds());
        assertThat(joined).contains("a.1,a.2");
    }

    @Test
    void aSeededOrderDoesNotDependOnTheRecordedTimes() {
        // testr run --random --seed 7 must give the same order before and after the first run has
        // recorded durations: the shuffle starts from the listed order, not from the packing order.
        List<String> tests = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        var untimed = new TimingPartitioner(1, TestTimes.NONE);
        var timed = new TimingPartitioner(1, TestTimes.of(seconds("a", 1, "b", 8, "c", 3, "d", 5, "e", 2)));

        assertThat(timed.partition(tests, 7))
                .isEqualTo(untimed.partition(tests, 7).stream()
                        .map(p -> new Partition(p.index(), p.testIds(), Duration.ofSeconds(19)))
                        .toList());
    }

    @Test
    void moreWorkersThanTestsLeavesSomeEmpty() {
        List<Partition> parts = new TimingPartitioner(3, TestTimes.NONE).partition(List.of("a"));

        assertThat(parts).extracting(Partition::isEmpty).containsExactly(false, true, true);
        assertThat(parts).extracting(Partition::index).containsExactly(0, 1, 2);
    }

    @Test
    void refusesZeroWorkers() {
        assertThatThrownBy(() -> new TimingPartitioner(0, TestTimes.NONE))
                .hasMessage("workers must be at least 1, was 0");
    }

    @Test
    void aDominantGroupIsSplitAcrossWorkersWhenAsked() {
        // heavy.* holds 20 s of a 24 s suite: on 4 workers (6 s each) it would set the run's length.
        // Parts are at most half a share (3 s): heavy in four (one test each), light (4 s) in two.
        var times = TestTimes.of(
                seconds("heavy.1", 5, "heavy.2", 5, "heavy.3", 5, "heavy.4", 5, "light.1", 2, "light.2", 2));
        Pattern byClass = Pattern.compile("[^.]+");
        List<String> ids = List.of("heavy.1", "heavy.2", "heavy.3", "heavy.4", "light.1", "light.2");

        List<Partition> kept =
                new TimingPartitioner(4, times).groupedBy(byClass).partition(ids);
        List<Partition> split = new TimingPartitioner(4, times)
                .groupedBy(byClass)
                .splittingDominantGroups()
                .partition(ids);

        assertThat(kept.stream().map(Partition::expected).max(Duration::compareTo))
                .contains(Duration.ofSeconds(20));
        assertThat(split.stream().map(Partition::expected).max(Duration::compareTo))
                .contains(Duration.ofSeconds(7));
        assertThat(split.stream().flatMap(part -> part.testIds().stream())).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aDominantGroupWhoseTestsMustRunInOrderStaysWhole() {
        var times = TestTimes.of(
                seconds("heavy.1", 5, "heavy.2", 5, "heavy.3", 5, "heavy.4", 5, "light.1", 2, "light.2", 2));
        List<String> ids = List.of("heavy.1", "heavy.2", "heavy.3", "heavy.4", "light.1", "light.2");
        var p = new TimingPartitioner(4, times)
                .groupedBy(Pattern.compile("[^.]+"))
                .splittingDominantGroups()
                .keepingWhole(java.util.Set.of("heavy.2"));

        assertThat(ids(p.partition(ids))).contains(List.of("heavy.1", "heavy.2", "heavy.3", "heavy.4"));
        assertThat(ids.stream().map(p.groupsOf(ids)).distinct()).contains("heavy", "light#1", "light#2");
    }

    @Test
    void aGroupWhoseSetUpCostsMoreThanSplittingSavesStaysWhole() {
        // The class as a container took 30 s: 10 s of tests after 20 s of @BeforeAll.
        var times = TestTimes.of(seconds("heavy", 30, "heavy.1", 5, "heavy.2", 5, "light.1", 1));
        var p = new TimingPartitioner(2, times)
                .groupedBy(Pattern.compile("[^.]+"))
                .splittingDominantGroups();

        assertThat(ids(p.partition(List.of("heavy.1", "heavy.2", "light.1"))))
                .containsExactly(List.of("heavy.1", "heavy.2"), List.of("light.1"));
    }

    @Test
    void groupsOfNamesTheSplitPartsForAQueueThatHandsOutWholeGroups() {
        var times = TestTimes.of(
                seconds("heavy.1", 5, "heavy.2", 5, "heavy.3", 5, "heavy.4", 5, "light.1", 2, "light.2", 2));
        List<String> ids = List.of("heavy.1", "heavy.2", "heavy.3", "heavy.4", "light.1", "light.2");
        var p = new TimingPartitioner(4, times).groupedBy(Pattern.compile("[^.]+"));

        var kept = p.groupsOf(ids);
        var split = p.splittingDominantGroups().groupsOf(ids);

        assertThat(ids.stream().map(kept).distinct()).containsExactly("heavy", "light");
        assertThat(ids.stream().map(split).distinct())
                .containsExactly("heavy#1", "heavy#2", "heavy#3", "heavy#4", "light#1", "light#2");
    }
}
