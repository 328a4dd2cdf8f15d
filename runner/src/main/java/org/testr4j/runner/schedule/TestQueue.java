package org.testr4j.runner.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The tests still to run, taken a batch at a time by workers as they go idle; thread-safe.
 *
 * <p>A {@link #shared} queue holds whole groups (tests whose ids share a {@code group_regex}
 * match; by default each test alone), never split across batches. Tests never seen before come
 * first: one of them may be long, and run early it cannot become the straggler that a run ends
 * waiting for; they are dealt in listed order into {@code 2 × workers} decks laid end to end, so
 * neighbours in the listing (which tend to cost alike: one module's slow tests) land in different
 * batches. Tests with a recorded duration follow, longest first, so the shortest make the tail and
 * the workers finish together. A test never seen counts as the mean time of the never-seen tests
 * this run has already finished ({@link #observe}), else the median recorded duration of the
 * queue's tests, else one second. The {@link ChunkPlan} says how much a batch takes.
 *
 * <p>Taken tests are in flight until the taker {@link #settle settles} its batch, putting back
 * the ones it never started (its worker crashed); they go to the front. {@link #take} waits while
 * the queue is empty but tests are in flight, since those may come back.
 *
 * <p>A worker that goes idle then steals: the busy batches whose workers can give tests back
 * ({@link #offer}) are asked, the one with the most expected time not yet started first, to stop
 * after their test in progress ({@link Revocable#revoke}); when that batch settles, the later half
 * of what it handed back goes to the idle worker and the rest to the front of the queue. So a class
 * handed out whole on a first run, with no history to say it was heavy, is split across idle workers
 * as far as its tests have not started by the time they go idle (a test in progress stays where it is).
 * A class need not wait for idle workers to be split: once its never-seen tests show it heavy while
 * the queue still has work, its batch is revoked and its tests scattered ({@link #scatterStraggler}),
 * and the busiest lanes are asked to make room for scattered tests that no idle lane takes ({@link
 * #makeRoom}). A worker that can say at once which tests it will not start hands them on while its
 * test in progress still runs ({@link #handBack}).
 * A never-seen test is expected to take what its class's tests took this run, if any finished.
 *
 * <pre>{@code
 * TestQueue queue = TestQueue.shared(ids, times, partitioner::groupOf, ChunkPlan.fed(4));
 * List<String> batch = queue.take(true);     // empty once every test has run
 * queue.settle(batch, List.of());            // all of it ran
 * }</pre>
 */
public final class TestQueue {
    private static final Duration NO_HISTORY = Duration.ofSeconds(1);
    /** The share of the never-seen tests handed out in the workers' first batches (chunked mode). */
    private static final double FIRST_ROUND_UNSEEN = 0.5;
    /**
     * A class whose never-seen tests run at least this many times the mean of other classes' never-seen
     * tests, and {@link #STRAGGLER_FLOOR} at least, is a straggler in the making (see {@link #scatterStraggler}).
     */
    private static final int STRAGGLER_FACTOR = 3;

    private static final Duration STRAGGLER_FLOOR = Duration.ofSeconds(1);

    private static final Duration CHECK_EVERY = Duration.ofMillis(100);

    private static final Duration STEAL_RETRY = Duration.ofMillis(100);

    /** A batch in flight whose worker can stop it early and hand back the tests it has not started. */
    public interface Revocable {
        /** The batch's tests the worker has not started yet. */
        List<String> unstarted();

        /**
         * Asks the worker to stop after its test in progress; its lane then {@linkplain #settle(List,
         * Collection, int) settles} with what it handed back, or {@linkplain #handBack hands those
         * back} first if its worker says so before that test ends. Must not block. False when it cannot.
         */
        boolean revoke();

        /** The batch's tests in progress and how long each has run so far. */
        default Map<String, Duration> running() {
            return Map.of();
        }

        /** How long the batch took to start its first test (a class's set-up, paid again by each part of a split). */
        default Duration setUp() {
            return Duration.ZERO;
        }
    }

    /** What a revoked batch's handed-back tests become. */
    private enum Handback {
        /** An idle lane stole: the later half goes to a lane other than the revoked one. */
        HALF_TO_ANOTHER_LANE,
        /** A straggler class was scattered: each test to the front on its own, longest first. */
        ONE_EACH_AT_FRONT,
        /** A busy lane made room for a scattered test: its tests go back behind the scattered ones. */
        BEHIND_SCATTERED
    }

    /** Tests handed out together: {@code known} is the sum of the recorded durations, {@code unseen} how many have none. */
    private record Group(List<String> tests, Duration known, int unseen) {
        boolean timed() {
            return unseen == 0;
        }
    }

    private final ChunkPlan plan;
    private final UnaryOperator<String> groupOf;
    private final Map<String, Duration> known;
    private final Duration historyEstimate;
    private final LinkedList<Group> queued = new LinkedList<>();
    private final Deque<List<Group>> firstRound = new ArrayDeque<>(); // packed shares of the timed tests
    private final Set<String> inFlight = new HashSet<>();
    private final Map<Integer, Revocable> revocable = new HashMap<>();
    private final Map<Integer, Handback> revoked = new HashMap<>(); // lanes asked to hand tests back, until they do
    private final Set<String> scattered = new HashSet<>(); // a straggler class's tests queued one each, at the front
    private int waiting; // lanes waiting in take for tests
    private final Map<String, Duration> groupSeen = new HashMap<>(); // never-seen tests' time this run, by group
    private final Map<String, Integer> groupSeenCount = new HashMap<>();
    private long checkedNanos = System.nanoTime() - CHECK_EVERY.toNanos();
    // a scattered class's test in progress had run this long: its siblings take at least as long
    private final Map<String, Duration> groupFloor = new HashMap<>();
    private List<String> stolen; // handed back for a lane other than stolenFrom; in flight until taken
    private int stolenFrom = -1;
    private int firstRoundUnseen;
    private Duration observedUnseen = Duration.ZERO;
    private int observed;
    private boolean closed;
    private boolean wholeGroups;
    private Set<String> keptWhole = Set.of(); // groups never split once handed out
    private UnaryOperator<String> wholeGroupOf; // a part's whole group (a class): null when parts stay apart
    private final Map<String, Duration> setUpSeen = new HashMap<>(); // by whole group, this run

    private TestQueue(ChunkPlan plan, UnaryOperator<String> groupOf, Map<String, Duration> known) {
        this.plan = plan;
        this.groupOf = groupOf;
        this.known = known;
        this.historyEstimate = median(known.values()).orElse(NO_HISTORY);
    }

    /**
     * The queue the workers of one run share: {@code testIds} (in listed order) grouped by {@code
     * groupOf}, never-seen first, then longest first by {@code times}.
     */
    public static TestQueue shared(
            List<String> testIds, TestTimes times, UnaryOperator<String> groupOf, ChunkPlan plan) {
        Map<String, Duration> known = new HashMap<>();
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (String id : testIds) {
            if (listed.add(id)) { // listed twice: run once
                times.durationOf(id).ifPresent(d -> known.put(id, d));
                byGroup.computeIfAbsent(groupOf.apply(id), k -> new ArrayList<>())
                        .add(id);
            }
        }
        TestQueue queue = new TestQueue(plan, groupOf, known);
        List<Group> fresh = new ArrayList<>();
        List<Group> timed = new ArrayList<>();
        int unseen = 0;
        for (List<String> tests : byGroup.values()) {
            Group g = queue.group(tests);
            if (g.timed()) {
                timed.add(g);
            } else {
                fresh.add(g);
                unseen += g.unseen;
            }
        }
        queue.firstRoundUnseen = (int) Math.ceil(unseen * FIRST_ROUND_UNSEEN / plan.workers());
        int decks = 2 * plan.workers();
        for (int deck = 0; deck < decks; deck++) {
            for (int i = deck; i < fresh.size(); i += decks) {
                queue.queued.add(fresh.get(i));
            }
        }
        timed.sort(Comparator.comparing(Group::known).reversed()); // stable: listed order among equals
        if (plan.packsFirstRound()) {
            queue.firstRound.addAll(pack(timed, plan.workers()));
        } else {
            queue.queued.addAll(timed);
        }
        return queue;
    }

    /**
     * When {@code whole}, a group handed out is never split: no stealing and no scattering, since a
     * {@code group_regex} without {@code group_split=true} says its tests must run together.
     *
     * @return this queue
     */
    public synchronized TestQueue keepingGroupsWhole(boolean whole) {
        wholeGroups = whole;
        return this;
    }

    /**
     * Never splits the group of any of {@code testIds} once handed out (no stealing from it, no
     * scattering, no making room): tests that must run in their group's order in one process.
     *
     * @return this queue
     */
    public synchronized TestQueue keepingWhole(Set<String> testIds) {
        Set<String> groups = new HashSet<>();
        testIds.forEach(id -> groups.add(groupOf.apply(id)));
        keptWhole = groups;
        return this;
    }

    /**
     * Lets the parts of one whole group ({@code wholeGroupOf}, e.g. a class split into parts by
     * history) go back together: once a part of it took longer to start than a quarter of the
     * next part's expected time (its {@code @BeforeAll}, which each part pays again, see {@link
     * #observeSetUp}), its queued parts are handed out as one batch.
     *
     * @return this queue
     */
    public synchronized TestQueue mergingParts(UnaryOperator<String> wholeGroupOf) {
        this.wholeGroupOf = wholeGroupOf;
        return this;
    }

    /** Records that the batch holding {@code testIds} took {@code setUp} from being fed to its first test. */
    public synchronized void observeSetUp(List<String> testIds, Duration setUp) {
        if (wholeGroupOf != null && !testIds.isEmpty()) {
            setUpSeen.merge(wholeGroupOf.apply(testIds.get(0)), setUp, TestQueue::max);
        }
    }

    /** True when none of {@code unstarted} belongs to a group that must stay whole. */
    private boolean splittable(List<String> unstarted) {
        if (keptWhole.isEmpty()) {
            return true;
        }
        for (String id : unstarted) {
            if (keptWhole.contains(groupOf.apply(id))) {
                return false;
            }
        }
        return true;
    }

    /** A queue of one worker's own tests, taken in exactly this order, each test its own group. */
    public static TestQueue inOrder(List<String> testIds, TestTimes times, ChunkPlan plan) {
        Map<String, Duration> known = new HashMap<>();
        testIds.forEach(id -> times.durationOf(id).ifPresent(d -> known.put(id, d)));
        TestQueue queue = new TestQueue(plan, UnaryOperator.identity(), known);
        testIds.forEach(id -> queue.queued.add(queue.group(List.of(id))));
        return queue;
    }

    private Group group(List<String> tests) {
        Duration sum = Duration.ZERO;
        int unseen = 0;
        for (String id : tests) {
            Duration d = known.get(id);
            if (d == null) {
                unseen++;
            } else {
                sum = sum.plus(d);
            }
        }
        return new Group(List.copyOf(tests), sum, unseen);
    }

    /**
     * What a never-seen test is expected to take: the mean of those this run has already seen
     * finish ({@link #observe}), else the median recorded duration, else one second.
     */
    private Duration estimate() {
        return observed > 0 ? observedUnseen.dividedBy(observed) : historyEstimate;
    }

    /**
     * What a never-seen test of group {@code group} is expected to take: the mean of its group's
     * tests this run has seen finish (the tests of one class tend to cost alike), else {@link #estimate}.
     */
    private Duration estimate(String group) {
        return estimate(group, estimate());
    }

    /** As {@link #estimate(String)}, with {@code otherwise} for a group none of whose tests has finished. */
    private Duration estimate(String group, Duration otherwise) {
        Integer n = groupSeenCount.get(group);
        Duration floor = groupFloor.get(group);
        if (n == null) {
            return floor == null ? otherwise : floor;
        }
        Duration mean = groupSeen.get(group).dividedBy(n);
        return floor == null ? mean : max(mean, floor);
    }

    /** The mean of the never-seen tests of other groups this run has seen finish, else the history's estimate. */
    private Duration othersMean(String group) {
        int n = observed - groupSeenCount.getOrDefault(group, 0);
        return n <= 0
                ? historyEstimate
                : observedUnseen
                        .minus(groupSeen.getOrDefault(group, Duration.ZERO))
                        .dividedBy(n);
    }

    private Duration expected(Group g) {
        return expected(g, estimate());
    }

    private Duration expected(Group g, Duration otherwise) {
        return g.unseen == 0
                ? g.known
                : g.known.plus(
                        estimate(groupOf.apply(g.tests.get(0)), otherwise).multipliedBy(g.unseen));
    }

    /** Longest first onto the least loaded share, as {@link TimingPartitioner} packs. */
    private static List<List<Group>> pack(List<Group> longestFirst, int workers) {
        List<List<Group>> shares = new ArrayList<>();
        Duration[] load = new Duration[workers];
        for (int i = 0; i < workers; i++) {
            shares.add(new ArrayList<>());
            load[i] = Duration.ZERO;
        }
        for (Group g : longestFirst) {
            int least = 0;
            for (int i = 1; i < workers; i++) {
                if (load[i].compareTo(load[least]) < 0) {
                    least = i;
                }
            }
            shares.get(least).add(g);
            load[least] = load[least].plus(g.known);
        }
        shares.removeIf(List::isEmpty);
        return shares;
    }

    private static Optional<Duration> median(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        return Optional.of(sorted.get(sorted.size() / 2));
    }

    /** Records that {@code testId} took {@code took} in this run: a never-seen test's time refines the estimate. */
    public synchronized void observe(String testId, Duration took) {
        if (!known.containsKey(testId)) {
            observedUnseen = observedUnseen.plus(took);
            observed++;
            String group = groupOf.apply(testId);
            groupSeen.merge(group, took, Duration::plus);
            groupSeenCount.merge(group, 1, Integer::sum);
            scatterStraggler();
        }
        makeRoom(0); // a lane asked before may not have been able to stop
    }

    /**
     * The next batch, waiting while nothing is queued but tests are in flight; empty when every test
     * has been settled (or the queue was {@linkplain #close closed}).
     *
     * @param firstTake true for a worker's first batch, which in chunked mode is its packed share
     */
    public synchronized List<String> take(boolean firstTake) throws InterruptedException {
        return take(firstTake, -1);
    }

    /**
     * As {@link #take(boolean)}, for the worker of lane {@code lane}, which may steal while it waits
     * (see the class description); -1 for a taker that does not steal.
     */
    public synchronized List<String> take(boolean firstTake, int lane) throws InterruptedException {
        while (true) {
            if (closed) {
                return List.of();
            }
            if (stolen != null && lane != stolenFrom) {
                List<String> batch = stolen; // already in flight
                stolen = null;
                notifyAll();
                return batch;
            }
            if (!queued.isEmpty() || !firstRound.isEmpty()) {
                break;
            }
            if (inFlight.isEmpty()) {
                return List.of();
            }
            boolean canSteal = lane >= 0 && !splitting() && stolen == null && !wholeGroups;
            if (canSteal) {
                steal(lane);
            }
            waiting++;
            try {
                if (canSteal && !splitting() && !revocable.isEmpty()) {
                    // nothing to take back yet, but a busy worker may soon have some (one that says late
                    // that it can stop, or is still starting): look again without waiting for a settle
                    wait(STEAL_RETRY.toMillis());
                } else {
                    wait();
                }
            } finally {
                waiting--;
            }
        }
        if (lane >= 0) {
            scatterStraggler();
        }
        List<String> batch = new ArrayList<>();
        Duration firstShare = estimate().multipliedBy(firstRoundUnseen);
        if (!firstRound.isEmpty() && (firstTake || queued.isEmpty())) {
            firstRound.poll().forEach(g -> batch.addAll(g.tests));
            if (firstTake) {
                fill(batch, firstShare, true);
            }
        } else if (firstTake
                && plan.packsFirstRound()
                && !queued.isEmpty()
                && !queued.getFirst().timed()) {
            fill(batch, firstShare, true);
        } else {
            fill(batch, plan.target(queuedWork()), false);
        }
        inFlight.addAll(batch);
        batch.forEach(scattered::remove);
        return batch;
    }

    /** Asks the busy batch with the most expected time not yet started (two tests at least) to hand it back. */
    private void steal(int thief) {
        int victim = -1;
        Duration most = Duration.ZERO;
        for (Map.Entry<Integer, Revocable> e : revocable.entrySet()) {
            if (e.getKey() == thief || revoked.containsKey(e.getKey())) {
                continue;
            }
            List<String> unstarted = e.getValue().unstarted();
            if (unstarted.size() < 2 || !splittable(unstarted)) {
                continue; // one test cannot be split; stopping it would only add a start
            }
            Duration left = Duration.ZERO;
            for (String id : unstarted) {
                left = left.plus(expectedOf(id));
            }
            if (left.compareTo(most) > 0) {
                most = left;
                victim = e.getKey();
            }
        }
        if (victim >= 0) {
            revoke(victim, Handback.HALF_TO_ANOTHER_LANE);
        }
    }

    /** Asks lane {@code lane}'s worker to stop after its test in progress; true if it will. */
    private boolean revoke(int lane, Handback how) {
        if (!revocable.get(lane).revoke()) {
            return false;
        }
        revoked.put(lane, how);
        return true;
    }

    /** True while a steal or a scatter waits for its lane to hand tests back: one at a time. */
    private boolean splitting() {
        return revoked.containsValue(Handback.HALF_TO_ANOTHER_LANE)
                || revoked.containsValue(Handback.ONE_EACH_AT_FRONT);
    }

    /**
     * Scattered tests wait at the front for a lane to go idle, which on a first run can take as long
     * as a whole class: for each one that no idle lane or lane already asked will take, the busy
     * batch with the most expected time not yet started (a second at least, and more than twice
     * its set-up, which its rest pays again) is asked to stop after its test in progress; its rest
     * goes back behind the scattered tests.
     */
    private void makeRoom(int free) {
        if (closed || scattered.isEmpty()) {
            return;
        }
        long asked = revoked.values().stream()
                .filter(h -> h == Handback.BEHIND_SCATTERED)
                .count();
        for (long needed = scattered.size() - waiting - free - asked; needed > 0; needed--) {
            int victim = -1;
            Duration most = Duration.ZERO;
            for (Map.Entry<Integer, Revocable> e : revocable.entrySet()) {
                if (revoked.containsKey(e.getKey())) {
                    continue;
                }
                List<String> unstarted = e.getValue().unstarted();
                if (!splittable(unstarted)) {
                    continue;
                }
                Duration left = Duration.ZERO;
                for (String id : unstarted) {
                    left = left.plus(expectedOf(id));
                }
                Duration worth = max(STRAGGLER_FLOOR, e.getValue().setUp().multipliedBy(2));
                if (left.compareTo(worth) > 0 && left.compareTo(most) > 0) {
                    most = left;
                    victim = e.getKey();
                }
            }
            if (victim < 0 || !revoke(victim, Handback.BEHIND_SCATTERED)) {
                return;
            }
        }
    }

    /**
     * Splits a class that turns out heavy while the other workers still have work: a batch whose
     * never-seen tests not yet started belong to a class whose tests run (or ran, this run) far
     * longer than never-seen tests do on average, and which holds more expected time than a worker's
     * share of the queue, is asked to stop after its test in progress; what it hands back goes to the
     * front one test each, longest first, for the next workers to go idle. A class whose batch took
     * more than half such a test to start (its {@code @BeforeAll}, paid again by every part) is left
     * whole. Without it a first run finds its heaviest class only by running it whole, in sequence,
     * wherever the queue put it.
     */
    private void scatterStraggler() {
        if (closed || wholeGroups || splitting() || stolen != null || revocable.isEmpty()) {
            return;
        }
        // it runs as tests finish, which can be thousands a second: at most every CHECK_EVERY
        long now = System.nanoTime();
        if (now - checkedNanos < CHECK_EVERY.toNanos()) {
            return;
        }
        checkedNanos = now;
        int victim = -1;
        Duration most = Duration.ZERO;
        Map<String, Duration> victimRunning = Map.of();
        String victimGroup = null;
        for (Map.Entry<Integer, Revocable> e : revocable.entrySet()) {
            List<String> unstarted = e.getValue().unstarted();
            if (unstarted.isEmpty() || revoked.containsKey(e.getKey()) || !splittable(unstarted)) {
                continue; // even one test is worth moving: it can run beside the long one in progress
            }
            Map<String, Duration> running = new HashMap<>();
            e.getValue().running().forEach((id, soFar) -> running.merge(groupOf.apply(id), soFar, TestQueue::max));
            Duration left = Duration.ZERO;
            String heavyGroup = null;
            // each part a split makes pays the class's set-up again: worth it only for tests far longer
            Duration setUpTwice = e.getValue().setUp().multipliedBy(2);
            for (String id : unstarted) {
                Duration d = expectedOf(id);
                if (!known.containsKey(id)) {
                    String group = groupOf.apply(id);
                    Duration seen = max(d, running.getOrDefault(group, Duration.ZERO));
                    Duration heavy =
                            max(max(othersMean(group).multipliedBy(STRAGGLER_FACTOR), STRAGGLER_FLOOR), setUpTwice);
                    if (seen.compareTo(heavy) >= 0) {
                        heavyGroup = group;
                        d = seen;
                    }
                }
                left = left.plus(d);
            }
            if (heavyGroup != null && left.compareTo(most) > 0) {
                most = left;
                victim = e.getKey();
                victimRunning = running;
                victimGroup = heavyGroup;
            }
        }
        if (victim < 0) {
            return;
        }
        // the queue's new tests are expected to cost what other classes' did: not the heavy class's
        Duration share = queuedWork(othersMean(victimGroup)).dividedBy(plan.workers());
        if (most.compareTo(share) > 0 && revoke(victim, Handback.ONE_EACH_AT_FRONT)) {
            victimRunning.forEach((group, soFar) -> groupFloor.merge(group, soFar, TestQueue::max));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Says that lane {@code lane}'s batch in flight can be {@linkplain Revocable revoked} until its
     * lane {@linkplain #withdraw withdraws} it; a worker waiting to steal looks again.
     */
    public synchronized void offer(int lane, Revocable batch) {
        revocable.put(lane, batch);
        notifyAll();
    }

    /** Lane {@code lane}'s batch can no longer be revoked (it ended). */
    public synchronized void withdraw(int lane) {
        revocable.remove(lane);
    }

    /** Groups from the front while they fit in {@code target}; at least one if {@code batch} is empty. */
    private void fill(List<String> batch, Duration target, boolean freshOnly) {
        Duration sum = Duration.ZERO;
        for (Iterator<Group> it = queued.iterator(); it.hasNext() && (batch.isEmpty() || sum.compareTo(target) < 0); ) {
            Group g = it.next();
            if (freshOnly && g.timed()) {
                break;
            }
            if (plan.oneTestEach() && g.tests.size() > 1) {
                batch.add(g.tests.get(0)); // isolated: the rest of its group stays at the front
                it.remove();
                queued.addFirst(group(g.tests.subList(1, g.tests.size())));
                return;
            }
            Duration e = expected(g);
            if (!batch.isEmpty() && sum.plus(e).compareTo(target) > 0) {
                return; // the queue's order is kept: the shortest stay for the tail
            }
            if (batch.isEmpty() && setUpOutweighs(g, e)) {
                String whole = wholeGroupOf.apply(g.tests.get(0));
                queued.removeIf(other -> {
                    boolean same = whole.equals(wholeGroupOf.apply(other.tests.get(0)));
                    if (same) {
                        batch.addAll(other.tests);
                    }
                    return same;
                });
                return;
            }
            batch.addAll(g.tests);
            sum = sum.plus(e);
            it.remove();
            if (plan.oneTestEach()) {
                return;
            }
        }
    }

    /** True when a part of {@code g}'s whole group took longer to start than a quarter of {@code expected}. */
    private boolean setUpOutweighs(Group g, Duration expected) {
        if (wholeGroupOf == null || setUpSeen.isEmpty()) {
            return false;
        }
        Duration seen = setUpSeen.get(wholeGroupOf.apply(g.tests.get(0)));
        return seen != null && seen.multipliedBy(4).compareTo(expected) > 0;
    }

    private Duration queuedWork() {
        return queuedWork(estimate());
    }

    /** The expected time of the queued tests, {@code unseen} for each never-seen test of a group none of which has finished. */
    private Duration queuedWork(Duration unseen) {
        Duration sum = Duration.ZERO;
        for (Group g : queued) {
            sum = sum.plus(expected(g, unseen));
        }
        for (List<Group> share : firstRound) {
            for (Group g : share) {
                sum = sum.plus(g.known);
            }
        }
        return sum;
    }

    /**
     * Ends a batch: its tests leave flight, except {@code notStarted}, which go back to the front of
     * the queue (in their order, regrouped) for the next idle worker.
     */
    public synchronized void settle(List<String> batch, Collection<String> notStarted) {
        settle(batch, notStarted, -1);
    }

    /**
     * As {@link #settle(List, Collection)}, by lane {@code lane}: when it had been asked to hand tests
     * back by an idle lane, the later half of {@code notStarted} goes to another lane; when its class
     * was scattered, each test goes to the front on its own.
     */
    public synchronized void settle(List<String> batch, Collection<String> notStarted, int lane) {
        settle(batch, notStarted, lane, lane >= 0 ? 1 : 0);
    }

    /**
     * Lane {@code lane}'s worker, asked to stop, says while its test in progress still runs that it
     * will not start {@code ids}: they leave flight now and go where its revoke said, as {@link
     * #settle(List, Collection, int)} would put them; the lane settles the rest of its batch later.
     */
    public synchronized void handBack(int lane, List<String> ids) {
        settle(ids, ids, lane, 0);
    }

    /** {@code free}: how many lanes will take a batch now (the settling one, unless its worker is still busy). */
    private void settle(List<String> batch, Collection<String> notStarted, int lane, int free) {
        batch.forEach(inFlight::remove);
        Handback how = lane >= 0 ? revoked.remove(lane) : null;
        Set<String> notStartedSet = new HashSet<>(notStarted);
        List<String> back = batch.stream().filter(notStartedSet::contains).toList();
        if (!closed && how == Handback.ONE_EACH_AT_FRONT) {
            List<Group> singles = new ArrayList<>();
            back.forEach(id -> singles.add(group(List.of(id))));
            singles.sort(Comparator.comparing(this::expected)); // stable: the longest end up first
            singles.forEach(queued::addFirst);
            scattered.addAll(back);
        } else if (!closed && how == Handback.BEHIND_SCATTERED && !back.isEmpty()) {
            int at = 0;
            for (Group g : queued) {
                if (g.tests.size() != 1 || !scattered.contains(g.tests.get(0))) {
                    break;
                }
                at++;
            }
            queued.addAll(at, regroup(back));
        } else if (!closed && !back.isEmpty()) {
            if (how == Handback.HALF_TO_ANOTHER_LANE && back.size() >= 2) {
                stolen = List.copyOf(back.subList(back.size() / 2, back.size()));
                stolenFrom = lane;
                inFlight.addAll(stolen);
                back = back.subList(0, back.size() / 2);
            }
            queued.addAll(0, regroup(back));
        }
        makeRoom(free);
        notifyAll();
    }

    /** {@code ids} as groups again, in their order. */
    private List<Group> regroup(List<String> ids) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        ids.forEach(id -> byGroup.computeIfAbsent(groupOf.apply(id), k -> new ArrayList<>())
                .add(id));
        List<Group> groups = new ArrayList<>();
        byGroup.values().forEach(tests -> groups.add(group(tests)));
        return groups;
    }

    /** Stops handing out tests and returns those still queued, in queue order: nobody will run them. */
    public synchronized List<String> close() {
        closed = true;
        List<String> left = new ArrayList<>();
        if (stolen != null) {
            left.addAll(stolen);
            stolen = null;
        }
        firstRound.forEach(share -> share.forEach(g -> left.addAll(g.tests)));
        queued.forEach(g -> left.addAll(g.tests));
        firstRound.clear();
        queued.clear();
        scattered.clear();
        notifyAll();
        return left;
    }

    /** How batches are sized. */
    public ChunkPlan plan() {
        return plan;
    }

    /** The tests queued (not in flight), in queue order: before the first take, every test of the run. */
    public synchronized List<String> queuedIds() {
        List<String> ids = new ArrayList<>();
        firstRound.forEach(share -> share.forEach(g -> ids.addAll(g.tests)));
        queued.forEach(g -> ids.addAll(g.tests));
        return ids;
    }

    /** How many tests are queued (not in flight). */
    public synchronized int size() {
        int n = 0;
        for (Group g : queued) {
            n += g.tests.size();
        }
        for (List<Group> share : firstRound) {
            for (Group g : share) {
                n += g.tests.size();
            }
        }
        return n;
    }

    /** The expected duration of {@code testId}: its recorded one, else the current estimate for a test never seen. */
    public synchronized Duration expectedOf(String testId) {
        Duration d = known.get(testId);
        return d == null ? estimate(groupOf.apply(testId)) : d;
    }
}
