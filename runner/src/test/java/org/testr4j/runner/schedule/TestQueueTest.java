package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestQueueTest {
    static TestTimes secs(Object... idAndSeconds) {
        Map<String, Duration> m = new java.util.HashMap<>();
        for (int i = 0; i < idAndSeconds.length; i += 2) {
            m.put(
                    (String) idAndSeconds[i],
                    Duration.ofMillis(Math.round(((Number) idAndSeconds[i + 1]).doubleValue() * 1000)));
        }
        return TestTimes.of(m);
    }

    static List<List<String>> drain(TestQueue q, int firstTakes) throws InterruptedException {
        List<List<String>> batches = new ArrayList<>();
        for (List<String> b = q.take(firstTakes > 0); !b.isEmpty(); b = q.take(batches.size() < firstTakes)) {
            batches.add(b);
            q.settle(b, List.of());
        }
        return batches;
    }

    @Test
    void fedBatchesAreNewTestsFirstThenLongestFirst() throws Exception {
        TestTimes times = secs("short", 0.01, "long", 5, "mid", 1);
        TestQueue q = TestQueue.shared(
                List.of("short", "long", "new", "mid"), times, UnaryOperator.identity(), ChunkPlan.fed(2));

        assertThat(drain(q, 0)).containsExactly(List.of("new"), List.of("long"), List.of("mid"), List.of("short"));
    }

    @Test
    void theQueuedPartsOfAClassWhosePartTookLongToStartGoTogether() throws Exception {
        assertThat(afterFirstPartStartedIn(Duration.ofSeconds(1))) // half a part: a costly @BeforeAll
                .containsExactly(List.of("A.t1", "A.t2"), List.of("B.t0"), List.of("B.t1"), List.of("B.t2"));
        assertThat(afterFirstPartStartedIn(Duration.ofMillis(50)))
                .containsExactly(List.of("A.t1"), List.of("A.t2"), List.of("B.t0"), List.of("B.t1"), List.of("B.t2"));
    }

    /** Classes A and B of three 2 s tests, each test a part: the batches after A's first one took {@code setUp}. */
    private static List<List<String>> afterFirstPartStartedIn(Duration setUp) throws Exception {
        List<String> ids = List.of("A.t0", "A.t1", "A.t2", "B.t0", "B.t1", "B.t2");
        TestTimes times = secs("A.t0", 2, "A.t1", 2, "A.t2", 2, "B.t0", 2, "B.t1", 2, "B.t2", 2);
        UnaryOperator<String> part = id -> id.replace(".t", "#");
        UnaryOperator<String> whole = id -> id.substring(0, 1);
        TestQueue q = TestQueue.shared(ids, times, part, ChunkPlan.fed(2)).mergingParts(whole);
        List<String> first = q.take(false);
        assertThat(first).containsExactly("A.t0");
        q.observeSetUp(first, setUp);
        q.settle(first, List.of());
        return drain(q, 0);
    }

    @Test
    void shortTestsAreFedTogetherInBatchesThatShrinkToOneAtTheTail() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, Duration> m = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
            ids.add("s" + i);
            m.put("s" + i, Duration.ofMillis(10));
        }
        TestQueue q = TestQueue.shared(ids, TestTimes.of(m), UnaryOperator.identity(), ChunkPlan.fed(1));

        List<Integer> sizes = drain(q, 0).stream().map(List::size).toList();

        assertThat(sizes.get(0)).isEqualTo(20); // 400 ms queued / 2
        assertThat(sizes)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .endsWith(1);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    }

    @Test
    void aGroupGoesOutWholeAndCountsItsSum() throws Exception {
        TimingPartitioner grouping = new TimingPartitioner(1, TestTimes.NONE).groupedBy(Pattern.compile("[^.]+\\."));
        TestTimes times = secs("a.1", 2, "a.2", 2, "b.1", 3, "c.1", 0.1);
        TestQueue q =
                TestQueue.shared(List.of("b.1", "a.1", "c.1", "a.2"), times, grouping::groupOf, ChunkPlan.oneTest());

        assertThat(drain(q, 0)).containsExactly(List.of("a.1"), List.of("a.2"), List.of("b.1"), List.of("c.1"));
    }

    @Test
    void chunkedFirstBatchesArePackedSharesOfTheTimedTests() throws Exception {
        TestTimes times = secs("t10", 10, "t8", 8, "t6", 6, "t4", 4, "t2", 2);
        TestQueue q = TestQueue.shared(
                List.of("t2", "t4", "t6", "t8", "t10"), times, UnaryOperator.identity(), ChunkPlan.chunked(2));

        List<String> first = q.take(true);
        List<String> second = q.take(true);

        assertThat(first).containsExactly("t10", "t4", "t2"); // 16 s
        assertThat(second).containsExactly("t8", "t6"); // 14 s
        assertThat(q.size()).isZero();
    }

    @Test
    void newTestsAreDealtSoListingNeighboursLandInDifferentFirstBatches() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add("t" + i);
        }
        TestQueue q = TestQueue.shared(ids, TestTimes.NONE, UnaryOperator.identity(), ChunkPlan.chunked(2));

        List<String> first = q.take(true);
        List<String> second = q.take(true);

        // half of 8 per worker = 4 tests each, from 4 decks (t0, t4, t8, t12), (t1, t5, t9, t13)...
        assertThat(first).containsExactly("t0", "t4", "t8", "t12");
        assertThat(second).containsExactly("t1", "t5", "t9", "t13");
    }

    @Test
    void unstartedTestsGoBackToTheFrontAndATakerWaitsForThem() throws Exception {
        TestQueue q = TestQueue.shared(
                List.of("a", "b", "c"), TestTimes.NONE, UnaryOperator.identity(), ChunkPlan.wholeList());
        List<String> all = q.take(true);
        CompletableFuture<List<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take(false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        q.settle(all, List.of("b", "c"));

        assertThat(all).containsExactly("a", "c", "b"); // never seen: dealt across two decks
        assertThat(waiting.get(10, TimeUnit.SECONDS)).containsExactly("c", "b");
        q.settle(List.of("c", "b"), List.of());
        assertThat(q.take(false)).isEmpty();
    }

    @Test
    void aNewTestsEstimateIsLearntFromThisRun() throws Exception {
        TestQueue q = TestQueue.shared(List.of("x", "y"), secs("y", 4), UnaryOperator.identity(), ChunkPlan.fed(1));
        assertThat(q.expectedOf("x")).isEqualTo(Duration.ofSeconds(4)); // the median recorded

        q.observe("z", Duration.ofMillis(300));

        assertThat(q.expectedOf("x")).isEqualTo(Duration.ofMillis(300));
        assertThat(q.expectedOf("y")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void chunkSizesShrinkWithTheQueueDownToFourStartups() {
        ChunkPlan plan = ChunkPlan.chunked(4);
        plan.observeStartup(Duration.ofMillis(200));
        plan.observeStartup(Duration.ofMillis(400));

        assertThat(plan.startup()).isEqualTo(Duration.ofMillis(300));
        assertThat(plan.target(Duration.ofSeconds(80))).isEqualTo(Duration.ofSeconds(20));
        assertThat(plan.target(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(1200));
        assertThat(ChunkPlan.fed(4).target(Duration.ofSeconds(80))).isEqualTo(Duration.ofMillis(250));
        assertThat(ChunkPlan.fed(4).target(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(125));
    }
}
