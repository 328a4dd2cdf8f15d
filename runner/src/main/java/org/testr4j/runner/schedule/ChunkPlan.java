package org.testr4j.runner.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much work a worker takes from a {@link TestQueue} at a time: the expected duration a batch
 * should reach (a batch always holds at least one group, so a long test goes alone).
 *
 * <ul>
 *   <li>{@link #wholeList()}: everything at once, one list per worker ({@code --chunking off}).
 *   <li>{@link #oneTest()}: one test per batch ({@code --isolated}).
 *   <li>{@link #chunked(int)}: a command started once per batch ({@code $IDFILE}). Each worker's
 *       first batch is its share of the tests with a recorded duration (packed longest first, as
 *       {@link TimingPartitioner} does) plus half its share of the tests never seen; later
 *       batches are {@code queued / workers}, shrinking as the queue drains, but never shorter than
 *       {@value #STARTUPS_PER_CHUNK} start-ups of the command, so start-up stays a small part of
 *       the work. Start-up is what this run measures (process start to first event, see {@link
 *       #observeStartup}), {@value #DEFAULT_STARTUP_MILLIS} ms until a first one is measured.
 *   <li>{@link #fed(int)}: a worker started once and fed batches on stdin, where a batch costs one
 *       round trip: batches of about {@value #FED_BATCH_MILLIS} ms of expected work, one test or
 *       group for anything longer, {@code queued / (2 × workers)} at the tail.
 * </ul>
 *
 * <pre>{@code
 * ChunkPlan plan = ChunkPlan.chunked(4);
 * plan.observeStartup(Duration.ofMillis(300));
 * plan.target(Duration.ofSeconds(80)); // PT20S: 80 s / 4
 * plan.target(Duration.ofSeconds(2));  // PT1.2S: four start-ups
 * }</pre>
 */
public final class ChunkPlan {
    static final int STARTUPS_PER_CHUNK = 4;
    static final long DEFAULT_STARTUP_MILLIS = 500;
    static final long FED_BATCH_MILLIS = 250;
    private static final Duration EVERYTHING = Duration.ofDays(365_000);

    private enum Kind {
        WHOLE,
        ONE,
        CHUNKED,
        FED
    }

    private final Kind kind;
    private final int workers;
    private final AtomicLong startupNanosTotal = new AtomicLong();
    private final AtomicLong startups = new AtomicLong();

    private ChunkPlan(Kind kind, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.kind = kind;
        this.workers = workers;
    }

    /** Every queued test in one batch: static lists. */
    public static ChunkPlan wholeList() {
        return new ChunkPlan(Kind.WHOLE, 1);
    }

    /** One test per batch. */
    public static ChunkPlan oneTest() {
        return new ChunkPlan(Kind.ONE, 1);
    }

    /** Chunks for {@code workers} processes started once per chunk. */
    public static ChunkPlan chunked(int workers) {
        return new ChunkPlan(Kind.CHUNKED, workers);
    }

    /** Small batches for {@code workers} processes fed on stdin. */
    public static ChunkPlan fed(int workers) {
        return new ChunkPlan(Kind.FED, workers);
    }

    /** How many workers share the queue. */
    public int workers() {
        return workers;
    }

    /** True if each worker's first batch is its packed share of the timed tests (chunked mode). */
    boolean packsFirstRound() {
        return kind == Kind.CHUNKED;
    }

    /** True if a batch is one test, whatever its group. */
    boolean oneTestEach() {
        return kind == Kind.ONE;
    }

    /** Records that a worker process took {@code startup} from its start to its first event. */
    public void observeStartup(Duration startup) {
        startupNanosTotal.addAndGet(startup.toNanos());
        startups.incrementAndGet();
    }

    /** The mean start-up measured so far, or the default before any. */
    public Duration startup() {
        long n = startups.get();
        return n == 0 ? Duration.ofMillis(DEFAULT_STARTUP_MILLIS) : Duration.ofNanos(startupNanosTotal.get() / n);
    }

    /** The expected duration a batch should reach when {@code queued} is the expected work left. */
    public Duration target(Duration queued) {
        switch (kind) {
            case WHOLE:
                return EVERYTHING;
            case ONE:
                return Duration.ZERO;
            case CHUNKED:
                // guided: a 1/workers share of what is left, so each start-up buys as much work as balance allows
                Duration guided = queued.dividedBy(workers);
                Duration floor = startup().multipliedBy(STARTUPS_PER_CHUNK);
                return guided.compareTo(floor) > 0 ? guided : floor;
            case FED:
            default:
                Duration tail = queued.dividedBy(2L * workers);
                Duration batch = Duration.ofMillis(FED_BATCH_MILLIS);
                return tail.compareTo(batch) < 0 ? tail : batch;
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " for " + workers + " worker(s)";
    }
}
