package org.testr4j.runner.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits tests among workers so that they finish together, as testrepository's {@code
 * partition_tests} does.
 *
 * <p>Tests are first gathered into groups: with a {@code group_regex}, the tests whose ids start
 * with the same match (Python's {@code re.match}) form one group and keep their listed order;
 * otherwise each test is its own group. Groups whose every test has a recorded duration are packed
 * longest first, each onto the worker with the least expected time so far (then fewest tests, then
 * lowest index); groups with only some tests timed follow the same way; groups with no timed test
 * are dealt out round-robin. For timed tests this keeps the heaviest and lightest workers within
 * one group's duration of each other.
 *
 * <p>With a seed, each worker's groups are put in listed order and shuffled with {@code
 * java.util.Random(seed + index)}: the same seed and the same groups on a worker give the same
 * order on every machine and JDK, whatever durations were recorded, and a group's tests stay
 * together and in order.
 *
 * <pre>{@code
 * var partitioner = new TimingPartitioner(2, times).groupedBy(Pattern.compile("^[^.]+\\."));
 * List<Partition> parts = partitioner.partition(List.of("a.1", "b.1", "a.2")); // [a.1, a.2], [b.1]
 * }</pre>
 */
public final class TimingPartitioner {
    /** A queue's parts are at most a worker's fair share divided by this (see {@link #groupsOf}). */
    private static final long QUEUE_PARTS_PER_SHARE = 8;

    private final int workers;
    private final Pattern groupRegex;
    private final TestTimes times;
    private final boolean splitDominant;
    private final Set<String> inOrder; // tests whose group is never split

    /**
     * A partitioner that schedules every test on its own.
     *
     * @param workers how many partitions to make, at least 1
     * @param times the recorded durations
     */
    public TimingPartitioner(int workers, TestTimes times) {
        this(workers, times, null, false, Set.of());
    }

    private TimingPartitioner(
            int workers, TestTimes times, Pattern groupRegex, boolean splitDominant, Set<String> inOrder) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.times = Objects.requireNonNull(times, "times");
        this.groupRegex = groupRegex;
        this.splitDominant = splitDominant;
        this.inOrder = Set.copyOf(inOrder);
    }

    /** A partitioner like this one that keeps tests together by {@code group_regex}. */
    public TimingPartitioner groupedBy(Pattern regex) {
        return new TimingPartitioner(workers, times, Objects.requireNonNull(regex, "regex"), splitDominant, inOrder);
    }

    /**
     * A partitioner like this one that splits a group when its recorded time alone exceeds half a
     * worker's fair share (the total over the workers), into parts of at most that much, so one
     * heavy class cannot set the run's length and longest-first packing has room to even the
     * workers out. The group's own set-up cost (its recorded time as a container, such as a JUnit class
     * with {@code @BeforeAll}, minus its tests' times) is paid again by every extra part, and a
     * group is split only into as many parts as make it shorter. For groups kept together for
     * speed, not correctness: JUnit classes, not tests that must share one process.
     */
    public TimingPartitioner splittingDominantGroups() {
        return new TimingPartitioner(workers, times, groupRegex, true, inOrder);
    }

    /**
     * A partitioner like this one that never splits the group of any of {@code testIds}: tests
     * that must run in their group's order in one process (a JUnit class with {@code
     * @TestMethodOrder}; see {@code ListedTests.IN_ORDER_TAG}).
     */
    public TimingPartitioner keepingWhole(Set<String> testIds) {
        return new TimingPartitioner(workers, times, groupRegex, splitDominant, testIds);
    }

    /** Partitions {@code testIds} in their listed order. */
    public List<Partition> partition(List<String> testIds) {
        return build(testIds, null);
    }

    /** Partitions {@code testIds}, then shuffles each worker's groups reproducibly with {@code seed}. */
    public List<Partition> partition(List<String> testIds, long seed) {
        return build(testIds, seed);
    }

    /** The group a test belongs to: the text {@code group_regex} matches at its start, else the id itself. */
    public String groupOf(String testId) {
        if (groupRegex != null) {
            Matcher m = groupRegex.matcher(testId);
            if (m.lookingAt() && m.end() > 0) {
                return m.group();
            }
        }
        return testId;
    }

    private static final class Group {
        final int listed; // position among the groups in listed order
        final List<String> tests = new ArrayList<>();
        Duration time = Duration.ZERO;
        int timed;

        Group(int listed) {
            this.listed = listed;
        }
    }

    private static final class Worker {
        final int index;
        final List<Group> groups = new ArrayList<>();
        Duration time = Duration.ZERO;
        int tests;

        Worker(int index) {
            this.index = index;
        }

        void add(Group g) {
            groups.add(g);
            time = time.plus(g.time);
            tests += g.tests.size();
        }
    }

    /**
     * The groups with each dominant, fully timed group replaced by its parts (see {@link
     * #splittingDominantGroups}), for lists made up front.
     */
    private List<Group> split(Map<String, Group> groups, Duration total) {
        // Over half a share is dominant: such groups leave longest-first packing too little to even out.
        return split(groups, total.dividedBy(workers * 2L), workers);
    }

    /** The groups with each fully timed group longer than {@code share} replaced by at most {@code maxParts} parts. */
    private List<Group> split(Map<String, Group> groups, Duration share, int maxParts) {
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            if (workers == 1
                    || g.tests.size() < 2
                    || g.timed < g.tests.size()
                    || g.time.compareTo(share) <= 0
                    || g.tests.stream().anyMatch(inOrder::contains)) {
                out.add(g);
                continue;
            }
            Duration setUp = times.durationOf(e.getKey())
                    .map(container -> container.minus(g.time))
                    .filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
            int parts = Math.min(Math.min(maxParts, g.tests.size()), (int) Math.ceil(ratio(g.time, share)));
            while (parts > 1 && g.time.toNanos() / (double) parts + setUp.toNanos() >= g.time.toNanos()) {
                parts--; // the extra set-up would cost more than the split saves
            }
            out.addAll(parts < 2 ? List.of(g) : splitInto(g, parts));
        }
        return out;
    }

    private static double ratio(Duration a, Duration b) {
        return b.isZero() ? 1 : (double) a.toNanos() / b.toNanos();
    }

    /** {@code g}'s tests in {@code parts} groups, longest first onto the shortest, each keeping listed order. */
    private List<Group> splitInto(Group g, int parts) {
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(new Group(g.listed));
        }
        List<String> longestFirst = new ArrayList<>(g.tests);
        longestFirst.sort(Comparator.<String, Duration>comparing(
                        id -> times.durationOf(id).orElse(Duration.ZERO))
                .reversed());
        Map<String, Group> assigned = new LinkedHashMap<>();
        for (String id : longestFirst) {
            Group target = Collections.min(out, Comparator.<Group, Duration>comparing(p -> p.time));
            Duration d = times.durationOf(id).orElse(Duration.ZERO);
            target.time = target.time.plus(d);
            target.timed++;
            target.tests.add(id);
            assigned.put(id, target);
        }
        for (Group part : out) {
            part.tests.clear();
        }
        for (String id : g.tests) {
            assigned.get(id).tests.add(id); // listed order within each part
        }
        return out;
    }

    /**
     * The group of each of {@code testIds} as this partitioner forms them, for a queue that hands
     * groups out whole: when splitting, a group longer than an eighth of a worker's fair share is
     * split into parts of at most that (as {@code group#1}, {@code group#2}, ...), finer than for
     * lists made up front. The queue hands out the longest first, so the last parts taken are
     * small: with parts up to half a share, the skewed sleep suite's classes ended runs at 8
     * workers a part's length apart (longest first over such parts: 1.13 × the bound; over quarter
     * shares 1.05, over eighths 1.01; {@code bench/junit/README.md}). The queue merges a class's
     * parts again when their set-up turns out to cost too much ({@link TestQueue#mergingParts}).
     */
    public UnaryOperator<String> groupsOf(List<String> testIds) {
        if (!splitDominant) {
            return this::groupOf;
        }
        Map<String, Group> groups = groups(testIds);
        Map<String, String> partOf = new HashMap<>();
        Duration share = total(groups).dividedBy(workers * QUEUE_PARTS_PER_SHARE);
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            List<Group> parts = split(Map.of(e.getKey(), e.getValue()), share, Integer.MAX_VALUE);
            for (int i = 0; parts.size() > 1 && i < parts.size(); i++) {
                for (String id : parts.get(i).tests) {
                    partOf.put(id, e.getKey() + "#" + (i + 1));
                }
            }
        }
        return id -> partOf.getOrDefault(id, groupOf(id));
    }

    private Map<String, Group> groups(List<String> testIds) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String id : testIds) {
            Group g = groups.computeIfAbsent(groupOf(id), k -> new Group(groups.size()));
            g.tests.add(id);
            Optional<Duration> d = times.durationOf(id);
            if (d.isPresent()) {
                g.time = g.time.plus(d.get());
                g.timed++;
            }
        }
        return groups;
    }

    private static Duration total(Map<String, Group> groups) {
        Duration total = Duration.ZERO;
        for (Group g : groups.values()) {
            total = total.plus(g.time);
        }
        return total;
    }

    private List<Partition> build(List<String> testIds, Long seed) {
        Map<String, Group> groups = groups(testIds);
        List<Group> timed = new ArrayList<>();
        List<Group> partial = new ArrayList<>();
        List<Group> unknown = new ArrayList<>();
        for (Group g : splitDominant ? split(groups, total(groups)) : groups.values()) {
            if (g.timed == g.tests.size()) {
                timed.add(g);
            } else if (g.timed > 0 && !g.time.isZero()) {
                partial.add(g); // testrepository: a partly timed group whose known time is 0 counts as unknown
            } else {
                unknown.add(g);
            }
        }
        List<Worker> pool = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            pool.add(new Worker(i));
        }
        Comparator<Worker> leastLoaded = Comparator.<Worker, Duration>comparing(w -> w.time)
                .thenComparingInt(w -> w.tests)
                .thenComparingInt(w -> w.index);
        for (List<Group> queue : List.of(timed, partial)) {
            List<Group> longestFirst = new ArrayList<>(queue);
            longestFirst.sort(Comparator.<Group, Duration>comparing(g -> g.time).reversed()); // stable
            for (Group g : longestFirst) {
                Collections.min(pool, leastLoaded).add(g);
            }
        }
        for (int i = 0; i < unknown.size(); i++) {
            pool.get(i % workers).add(unknown.get(i));
        }
        List<Partition> partitions = new ArrayList<>();
        for (Worker w : pool) {
            List<Group> order = new ArrayList<>(w.groups);
            if (seed != null) {
                // From listed order, not packing order: a seed gives the same order whatever the history.
                order.sort(Comparator.comparingInt(g -> g.listed));
                Collections.shuffle(order, new Random(seed + w.index));
            }
            List<String> ids = new ArrayList<>(w.tests);
            order.forEach(g -> ids.addAll(g.tests));
            partitions.add(new Partition(w.index, ids, w.time));
        }
        return partitions;
    }
}
