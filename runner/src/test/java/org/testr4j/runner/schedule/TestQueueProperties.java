package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TestQueueProperties {
    private static final Pattern GROUP = Pattern.compile("g\\d+\\.");

    @Provide
    Arbitrary<ChunkPlan> plans() {
        return Arbitraries.integers()
                .between(1, 6)
                .flatMap(w -> Arbitraries.of(
                        ChunkPlan.chunked(w), ChunkPlan.fed(w), ChunkPlan.wholeList(), ChunkPlan.oneTest()));
    }

    static TestQueue queue(List<String> ids, List<Integer> millis, ChunkPlan plan) {
        TimingPartitioner grouping = new TimingPartitioner(1, TestTimes.NONE).groupedBy(GROUP);
        return TestQueue.shared(ids, TimingPartitionerProperties.times(ids, millis), grouping::groupOf, plan);
    }

    /**
     * Workers take batches; at a random point of a random batch a worker "crashes": the tests before
     * it ran, the one at it failed, the rest go back. Every test must end exactly once. With {@code
     * parts}, each test is a part of its group and batches report set-ups at random, so that parts
     * are merged now and then.
     */
    @Property
    void everyTestEndsExactlyOnceThroughCrashesAtRandomPoints(
            @ForAll @Size(max = 150) List<@IntRange(min = 0, max = 15) Integer> groups,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -5, max = 5_000) Integer> millis,
            @ForAll("plans") ChunkPlan plan,
            @ForAll boolean parts,
            @ForAll long seed)
            throws InterruptedException {
        List<String> ids = TimingPartitionerProperties.ids(groups);
        TimingPartitioner grouping = new TimingPartitioner(1, TestTimes.NONE).groupedBy(GROUP);
        TestQueue queue = parts
                ? TestQueue.shared(ids, TimingPartitionerProperties.times(ids, millis), UnaryOperator.identity(), plan)
                        .mergingParts(grouping::groupOf)
                : queue(ids, millis, plan);
        assertThat(endAllWithCrashes(queue, new Random(seed))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(queue.size()).isZero();
    }

    /** Takes and settles every batch, a worker crashing now and then; returns the tests that ended. */
    private static List<String> endAllWithCrashes(TestQueue queue, Random random) throws InterruptedException {
        List<String> ended = new ArrayList<>();
        boolean first = true;
        for (List<String> batch = queue.take(true); !batch.isEmpty(); batch = queue.take(first)) {
            first = random.nextInt(4) == 0; // now and then a fresh worker's first take
            queue.observeSetUp(batch, Duration.ofMillis(random.nextInt(3_000)));
            if (random.nextInt(3) == 0) {
                int crashAt = random.nextInt(batch.size());
                ended.addAll(batch.subList(0, crashAt + 1)); // ran, then the one it died in fails
                queue.settle(batch, batch.subList(crashAt + 1, batch.size()));
            } else {
                ended.addAll(batch);
                queue.settle(batch, List.of());
            }
        }
        return ended;
    }

    @Property
    void aGroupIsNeverSplitAcrossBatches(
            @ForAll @Size(max = 150) List<@IntRange(min = 0, max = 15) Integer> groups,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -5, max = 5_000) Integer> millis,
            @ForAll @IntRange(min = 1, max = 6) int workers,
            @ForAll boolean fed)
            throws InterruptedException {
        List<String> ids = TimingPartitionerProperties.ids(groups);
        TestQueue queue = queue(ids, millis, fed ? ChunkPlan.fed(workers) : ChunkPlan.chunked(workers));
        Map<String, Integer> batchOfGroup = new HashMap<>();
        int n = 0;
        for (List<String> batch = queue.take(true); !batch.isEmpty(); batch = queue.take(n < workers)) {
            n++;
            for (String id : batch) {
                String group = id.substring(0, id.indexOf('.'));
                assertThat(batchOfGroup.putIfAbsent(group, n)).as(group).isIn(null, n);
            }
            queue.settle(batch, List.of());
        }
    }

    @Property
    void fedBatchesComeLongestFirstAfterTheTestsNeverSeen(
            @ForAll @Size(max = 150) List<@IntRange(min = 0, max = 15) Integer> groups,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -5, max = 5_000) Integer> millis,
            @ForAll @IntRange(min = 1, max = 6) int workers)
            throws InterruptedException {
        List<String> ids = TimingPartitionerProperties.ids(groups);
        TestTimes times = TimingPartitionerProperties.times(ids, millis);
        TestQueue queue = queue(ids, millis, ChunkPlan.oneTest());
        Map<String, Duration> groupTime = new HashMap<>();
        Set<String> unseen = new LinkedHashSet<>();
        for (String id : ids) {
            String g = id.substring(0, id.indexOf('.'));
            groupTime.merge(g, times.durationOf(id).orElse(Duration.ZERO), Duration::plus);
            if (times.durationOf(id).isEmpty()) {
                unseen.add(g);
            }
        }
        List<String> order = new ArrayList<>();
        for (List<String> batch = queue.take(false); !batch.isEmpty(); batch = queue.take(false)) {
            String g = batch.get(0).substring(0, batch.get(0).indexOf('.'));
            if (order.isEmpty() || !order.get(order.size() - 1).equals(g)) {
                order.add(g);
            }
            queue.settle(batch, List.of());
        }
        List<String> seen = order.stream().filter(g -> !unseen.contains(g)).toList();
        assertThat(order.subList(0, unseen.size())).containsExactlyInAnyOrderElementsOf(unseen);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(groupTime.get(seen.get(i - 1))).isGreaterThanOrEqualTo(groupTime.get(seen.get(i)));
        }
    }
}
