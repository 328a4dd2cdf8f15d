package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An idle lane takes back half of what a busy lane's worker has not started. */
class TestQueueStealingTest {
    private static final Pattern CLASS = Pattern.compile("^[^.]*");

    /** A busy lane's batch: {@code started} of it have begun; a revoke is recorded, and refused if asked to. */
    private static class Busy implements TestQueue.Revocable {
        final List<String> batch;
        int started;
        final boolean canStop;
        final Map<String, Duration> running;
        Duration setUp = Duration.ZERO;
        int revokes;

        Busy(List<String> batch, int started, boolean canStop) {
            this(batch, started, canStop, Map.of());
        }

        Busy(List<String> batch, int started, boolean canStop, Map<String, Duration> running) {
            this.batch = batch;
            this.started = started;
            this.canStop = canStop;
            this.running = running;
        }

        @Override
        public Map<String, Duration> running() {
            return running;
        }

        @Override
        public Duration setUp() {
            return setUp;
        }

        @Override
        public synchronized List<String> unstarted() {
            return batch.subList(started, batch.size());
        }

        /** Its worker said it will start nothing more of its batch. */
        synchronized void handedBack() {
            started = batch.size();
        }

        @Override
        public synchronized boolean revoke() {
            revokes++;
            return canStop;
        }

        synchronized int revokes() {
            return revokes;
        }
    }

    /** A heavy class of four listed first (so lane 0 takes it whole), then ten light classes of one test. */
    private static TestQueue heavyAndLight() {
        List<String> ids = new ArrayList<>(tests("Heavy", 4));
        for (int i = 0; i < 10; i++) {
            ids.add("Light" + i + ".t0");
        }
        return queue(ids);
    }

    @Test
    void aClassWhoseTestInProgressRunsFarLongerThanTheOthersIsScatteredWhileTheQueueStillHasWork() throws Exception {
        TestQueue q = heavyAndLight();
        List<String> batch = q.take(true, 0);
        assertThat(batch).isEqualTo(tests("Heavy", 4));
        q.observe("Light8.t0", Duration.ofMillis(100)); // never-seen tests take 0.1 s ...
        q.observe("Light9.t0", Duration.ofMillis(100));
        Busy busy = new Busy(batch, 1, true, Map.of("Heavy.t0", Duration.ofSeconds(3))); // ... this one 3 s so far
        q.offer(0, busy);

        List<String> light = q.take(false, 1); // lane 1 still has work: it takes it, and the heavy batch is asked back
        assertThat(light).allMatch(id -> id.startsWith("Light"));
        assertThat(busy.revokes()).isEqualTo(1);

        q.withdraw(0);
        q.settle(batch, batch.subList(1, 4), 0); // it stopped after t0
        assertThat(q.take(false, 0)).hasSize(1).allMatch(id -> id.startsWith("Heavy")); // one each, first in line
        assertThat(q.take(false, 1)).hasSize(1).allMatch(id -> id.startsWith("Heavy"));
        assertThat(q.take(false, 2)).hasSize(1).allMatch(id -> id.startsWith("Heavy"));
    }

    @Test
    void aClassFoundHeavyByItsFinishedTestsIsScatteredAsSoonAsOneFinishes() {
        TestQueue q = heavyAndLight();
        List<String> batch = takeFirst(q);
        for (int i = 0; i < 8; i++) {
            q.observe("Light" + i + ".t0", Duration.ofMillis(100));
        }
        Busy busy = new Busy(batch, 2, true, Map.of("Heavy.t1", Duration.ofMillis(10)));
        q.offer(0, busy);

        q.observe("Heavy.t0", Duration.ofSeconds(5));

        assertThat(busy.revokes()).isEqualTo(1);
    }

    @Test
    void aClassRunningLikeTheOthersIsLeftWhole() {
        TestQueue q = heavyAndLight();
        Busy busy = heavyInProgress(q, Duration.ofMillis(150), Duration.ZERO);

        q.observe("Light8.t0", Duration.ofMillis(100));
        assertThat(take(q, 1)).isNotEmpty();

        assertThat(busy.revokes()).isZero();
    }

    @Test
    void groupsThatMustRunTogetherAreNeverStolenFromOrScattered() throws Exception {
        TestQueue q = heavyAndLight().keepingGroupsWhole(true);
        Busy busy = heavyInProgress(q, Duration.ofSeconds(3), Duration.ZERO);

        assertThat(take(q, 1)).isNotEmpty(); // a heavy class in the making: left whole
        while (q.size() > 0) {
            take(q, 1);
        }
        CompletableFuture<List<String>> idle = CompletableFuture.supplyAsync(() -> take(q, 2));
        Thread.sleep(50); // an idle lane: does not ask either
        assertThat(busy.revokes()).isZero();
        q.close();
        assertThat(idle.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aClassWhoseSetUpCostsMoreThanHalfATestIsLeftWhole() {
        TestQueue q = heavyAndLight();
        Busy busy = heavyInProgress(
                q, Duration.ofSeconds(3), Duration.ofSeconds(2)); // every part would pay 2 s again for 3 s tests

        assertThat(take(q, 1)).isNotEmpty();

        assertThat(busy.revokes()).isZero();
    }

    /** Four busy lanes: lane 0 in a heavy class (its first test 3 s so far), lanes 1 to 3 in light ones. */
    private record FourLanes(TestQueue q, List<List<String>> batches, Busy heavy, List<Busy> light) {}

    /**
     * A heavy class of four, then light classes of twenty (tests of 0.1 s), one class taken by each
     * of four lanes and one left queued; each light lane has started {@code lightStarted} of its class.
     */
    private static FourLanes fourLanes(int lightStarted) throws Exception {
        List<String> ids = new ArrayList<>(tests("Heavy", 4));
        for (String c : List.of("LightA", "LightB", "LightC", "LightD")) {
            ids.addAll(tests(c, 20));
        }
        TimingPartitioner grouped = new TimingPartitioner(4, TestTimes.NONE).groupedBy(CLASS);
        TestQueue q = TestQueue.shared(ids, TestTimes.NONE, grouped.groupsOf(ids), ChunkPlan.fed(4));
        List<List<String>> batches = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) {
            batches.add(q.take(true, lane));
        }
        assertThat(batches.get(0)).isEqualTo(tests("Heavy", 4));
        Busy heavy = new Busy(batches.get(0), 1, true, Map.of("Heavy.t0", Duration.ofSeconds(3)));
        q.offer(0, heavy);
        List<Busy> light = new ArrayList<>();
        for (int lane = 1; lane < 4; lane++) {
            Busy busy = new Busy(batches.get(lane), lightStarted, true);
            light.add(busy);
            q.offer(lane, busy);
        }
        return new FourLanes(q, batches, heavy, light);
    }

    @Test
    void scatteredTestsThatNoLaneIsFreeToTakeMakeTheBusiestLanesHandTheirRestBackBehindThem() throws Exception {
        FourLanes lanes = fourLanes(2); // 18 light tests of 0.1 s to go on each: 1.8 s
        TestQueue q = lanes.q();
        List<List<String>> batches = lanes.batches();
        q.observe("LightA.t0", Duration.ofMillis(100)); // the heavy class is found: asked to stop
        assertThat(lanes.heavy().revokes()).isEqualTo(1);
        assertThat(lanes.light()).allMatch(b -> b.revokes() == 0);

        lanes.heavy().handedBack(); // while Heavy.t0 still runs, its worker says t1..t3 will not start
        q.handBack(0, batches.get(0).subList(1, 4));

        assertThat(lanes.light()).as("each light lane makes room for one").allMatch(b -> b.revokes() == 1);
        for (int lane = 1; lane < 4; lane++) {
            List<String> batch = batches.get(lane);
            q.withdraw(lane);
            q.settle(batch, batch.subList(3, batch.size()), lane); // stopped after its test in progress
            assertThat(q.take(false, lane)).hasSize(1).allMatch(id -> id.startsWith("Heavy"));
        }
        q.withdraw(0);
        q.settle(batches.get(0).subList(0, 1), List.of(), 0); // Heavy.t0 ends
        assertThat(q.take(false, 0)).as("the light classes' rests come after").allMatch(id -> id.startsWith("Light"));
    }

    @Test
    void aClassWhoseTestsMustRunInOrderIsNeitherScatteredNorStolenFromNorMadeRoomIn() throws Exception {
        FourLanes lanes = fourLanes(2);
        TestQueue q = lanes.q().keepingWhole(Set.of("Heavy.t0", "LightA.t0", "LightB.t5", "LightC.t9"));

        q.observe("LightA.t0", Duration.ofMillis(100)); // Heavy.t0 has run 3 s: heavy, but kept whole
        assertThat(take(q, 4)).allMatch(id -> id.startsWith("LightD")); // the last class queued
        CompletableFuture<List<String>> idle = CompletableFuture.supplyAsync(() -> take(q, 5));
        Thread.sleep(300); // the idle lane looks for a batch to steal from every 100 ms

        assertThat(lanes.heavy().revokes()).isZero();
        assertThat(lanes.light()).allMatch(b -> b.revokes() == 0);
        q.close();
        assertThat(idle.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aScatteredTestWaitsForAnIdleLaneRatherThanForALaneWithLittleLeft() throws Exception {
        FourLanes lanes = fourLanes(15); // 5 light tests of 0.1 s to go on each: half a second
        lanes.q().observe("LightA.t0", Duration.ofMillis(100));
        lanes.heavy().handedBack();
        lanes.q().handBack(0, lanes.batches().get(0).subList(1, 4));

        assertThat(lanes.heavy().revokes()).isEqualTo(1);
        assertThat(lanes.light()).allMatch(b -> b.revokes() == 0);
    }

    /**
     * Lane 0 takes the heavy class (see {@link #heavyAndLight}) after one light test took 0.1 s; its
     * first test has run {@code soFar}, its batch took {@code setUp} to start. Offered, and returned.
     */
    private static Busy heavyInProgress(TestQueue q, Duration soFar, Duration setUp) {
        List<String> batch = takeFirst(q);
        q.observe("Light9.t0", Duration.ofMillis(100));
        Busy busy = new Busy(batch, 1, true, Map.of("Heavy.t0", soFar));
        busy.setUp = setUp;
        q.offer(0, busy);
        return busy;
    }

    private static List<String> takeFirst(TestQueue q) {
        return take(q, 0);
    }

    private static TestQueue queue(List<String> ids) {
        TimingPartitioner grouped = new TimingPartitioner(2, TestTimes.of(java.util.Map.of())).groupedBy(CLASS);
        return TestQueue.shared(ids, TestTimes.of(java.util.Map.of()), grouped.groupsOf(ids), ChunkPlan.fed(2));
    }

    private static List<String> tests(String cls, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(cls + ".t" + i);
        }
        return ids;
    }

    @Test
    void anIdleLaneStealsTheLaterHalfOfWhatTheBusiestBatchHasNotStarted() throws Exception {
        List<String> heavy = tests("Heavy", 6);
        TestQueue q = queue(heavy);
        List<String> batch = q.take(true, 0);
        assertThat(batch).isEqualTo(heavy); // a class is handed out whole
        Busy busy = new Busy(batch, 1, true);
        q.offer(0, busy);

        CompletableFuture<List<String>> thief = CompletableFuture.supplyAsync(() -> take(q, 1));
        waitFor(() -> busy.revokes() == 1);
        assertThat(thief).isNotDone(); // nothing comes back until the busy batch settles

        q.withdraw(0);
        q.settle(batch, batch.subList(1, 6), 0); // it stopped after t0: t1..t5 handed back

        assertThat(thief.get(10, TimeUnit.SECONDS)).containsExactly("Heavy.t3", "Heavy.t4", "Heavy.t5");
        assertThat(q.take(false, 0)).containsExactly("Heavy.t1", "Heavy.t2");
    }

    @Test
    void anIdleLaneLooksAgainForABusyWorkerThatCouldNotHandTestsBackAtFirst() throws Exception {
        List<String> heavy = tests("Heavy", 6);
        TestQueue q = queue(heavy);
        List<String> batch = q.take(true, 0);
        java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
        Busy busy = new Busy(batch, 1, true) {
            @Override
            public synchronized List<String> unstarted() {
                // a worker still starting has not said it can stop: nothing can be taken back yet
                return announced.get() ? super.unstarted() : List.of();
            }
        };
        q.offer(0, busy);

        CompletableFuture<List<String>> thief = CompletableFuture.supplyAsync(() -> take(q, 1));
        Thread.sleep(50);
        announced.set(true); // the queue is not told: the idle lane must look again by itself

        waitFor(() -> busy.revokes() == 1);
        q.withdraw(0);
        q.settle(batch, batch.subList(1, 6), 0);
        assertThat(thief.get(10, TimeUnit.SECONDS)).containsExactly("Heavy.t3", "Heavy.t4", "Heavy.t5");
    }

    @Test
    void theLaneThatHandedTestsBackDoesNotTakeTheStolenHalfItself() throws Exception {
        TestQueue q = queue(tests("Heavy", 4));
        List<String> batch = q.take(true, 0);
        q.offer(0, new Busy(batch, 0, true));
        CompletableFuture<List<String>> thief = CompletableFuture.supplyAsync(() -> take(q, 1));
        waitFor(() -> q.size() == 0 && !thief.isDone());
        Thread.sleep(50); // let the thief ask
        q.withdraw(0);
        q.settle(batch, batch, 0);

        List<String> victimNext = q.take(false, 0);
        assertThat(victimNext).containsExactly("Heavy.t0", "Heavy.t1");
        assertThat(thief.get(10, TimeUnit.SECONDS)).containsExactly("Heavy.t2", "Heavy.t3");
    }

    @Test
    void aBatchWithOneTestNotStartedOrAWorkerThatCannotStopIsLeftAlone() throws Exception {
        TestQueue q = queue(List.of("A.t0", "A.t1", "B.t0", "B.t1", "B.t2"));
        List<String> a = q.take(true, 0);
        List<String> b = q.take(true, 1);
        Busy oneLeft = new Busy(a, 1, true);
        Busy cannotStop = new Busy(b, 0, false);
        q.offer(0, oneLeft);
        q.offer(1, cannotStop);

        CompletableFuture<List<String>> idle = CompletableFuture.supplyAsync(() -> take(q, 2));
        waitFor(() -> cannotStop.revokes() == 1);
        assertThat(oneLeft.revokes()).isZero();

        q.withdraw(0);
        q.settle(a, List.of(), 0);
        q.withdraw(1);
        q.settle(b, List.of(), 1);
        assertThat(idle.get(10, TimeUnit.SECONDS)).isEmpty(); // every test ran: the run is over
    }

    @Test
    void closingTheQueueWhileAStealIsPendingEndsTheWaitingLane() throws Exception {
        TestQueue q = queue(tests("Heavy", 4));
        List<String> batch = q.take(true, 0);
        Busy busy = new Busy(batch, 0, true);
        q.offer(0, busy);
        CompletableFuture<List<String>> thief = CompletableFuture.supplyAsync(() -> take(q, 1));
        waitFor(() -> busy.revokes() == 1);
        q.close();
        assertThat(thief.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static List<String> take(TestQueue q, int lane) {
        try {
            return q.take(false, lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
