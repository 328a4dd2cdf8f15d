package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class TimingPartitionerProperties {
    private static final Pattern GROUP = Pattern.compile("g\\d+\\.");

    /** Distinct ids "g<group>.t<n>", some timed, from generated numbers. */
    static List<String> ids(List<Integer> groups) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ids.add("g" + groups.get(i) + ".t" + i);
        }
        return ids;
    }

    static TestTimes times(List<String> ids, List<Integer> millis) {
        Map<String, Duration> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            int ms = millis.get(i % millis.size());
            if (ms >= 0) {
                m.put(ids.get(i), Duration.ofMillis(ms));
            }
        }
        return TestTimes.of(m);
    }

    @Property
    void everyTestLandsInExactlyOnePartition(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 20) Integer> groups,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = -5, max = 10_000) Integer> millis,
            @ForAll @IntRange(min = 1, max = 9) int workers,
            @ForAll boolean grouped) {
        List<String> ids = ids(groups);
        var p = grouped
                ? new TimingPartitioner(workers, times(ids, millis)).groupedBy(GROUP)
                : new TimingPartitioner(workers, times(ids, millis));

        List<Partition> parts = p.partition(ids);

        assertThat(parts).hasSize(workers);
        List<String> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.testIds()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Property
    void timedTestsLeaveHeaviestAndLightestWithinTheLongestTest(
            @ForAll @Size(min = 1, max = 300) @UniqueElements List<@IntRange(min = 0, max = 100_000) Integer> keys,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 60_000) Integer> millis,
            @ForAll @IntRange(min = 1, max = 9) int workers) {
        List<String> ids = keys.stream().map(k -> "t" + k).toList();
        TestTimes times = times(ids, millis);
        var p = new TimingPartitioner(workers, times);

        List<Partition> parts = p.partition(ids);

        Duration longest = ids.stream()
                .map(id -> times.durationOf(id).orElseThrow())
                .max(Duration::compareTo)
                .orElseThrow();
        Duration heaviest =
                parts.stream().map(Partition::expected).max(Duration::compareTo).orElseThrow();
        Duration lightest =
                parts.stream().map(Partition::expected).min(Duration::compareTo).orElseThrow();
        assertThat(heaviest.minus(lightest)).isLessThanOrEqualTo(longest);
    }

    @Property
    void groupedTestsShareAPartitionInTheirListedOrder(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 15) Integer> groups,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = -5, max = 10_000) Integer> millis,
            @ForAll @IntRange(min = 1, max = 9) int workers,
            @ForAll boolean shuffled,
            @ForAll long seed) {
        List<String> ids = ids(groups);
        var p = new TimingPartitioner(workers, times(ids, millis)).groupedBy(GROUP);

        List<Partition> parts = shuffled ? p.partition(ids, seed) : p.partition(ids);

        for (Integer g : Set.copyOf(groups)) {
            String prefix = "g" + g + ".";
            List<String> expected =
                    ids.stream().filter(id -> id.startsWith(prefix)).toList();
            List<Partition> holding = parts.stream()
                    .filter(part -> part.testIds().stream().anyMatch(id -> id.startsWith(prefix)))
                    .toList();
            assertThat(holding).hasSize(1);
            List<String> order = holding.get(0).testIds();
            int first = order.indexOf(expected.get(0));
            assertThat(order.subList(first, first + expected.size())).isEqualTo(expected);
        }
    }

    @Property
    void theSameSeedGivesTheSameOrder(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 40) Integer> groups,
            @ForAll @IntRange(min = 1, max = 9) int workers,
            @ForAll @LongRange(min = Long.MIN_VALUE, max = Long.MAX_VALUE) long seed) {
        List<String> ids = ids(groups);
        var p = new TimingPartitioner(workers, TestTimes.NONE).groupedBy(GROUP);

        List<Partition> once = p.partition(ids, seed);
        List<Partition> again =
                new TimingPartitioner(workers, TestTimes.NONE).groupedBy(GROUP).partition(ids, seed);

        assertThat(again).isEqualTo(once);
        List<Partition> unshuffled = p.partition(ids);
        for (int i = 0; i < workers; i++) {
            assertThat(once.get(i).testIds())
                    .containsExactlyInAnyOrderElementsOf(unshuffled.get(i).testIds());
        }
    }
}
