package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.RoutePrefixer;
import org.testr4j.subunit.process.Timestamper;
import org.testr4j.subunit.v2.PacketReader;

/**
 * One worker process: a test command whose output becomes events under the worker's route code,
 * watched for progress.
 *
 * <p>Its stdout is read as subunit v2 on a thread of its own; bytes there that are not subunit,
 * and everything on its stderr, go downstream as its {@code stdout} and {@code stderr} file events.
 * Events that arrive without a timestamp get their arrival time, so every test's start and end are
 * in the run. It tracks which tests it started, which it finished and when its first event came, so
 * its lane can {@link #await wait} for a batch, a deadline or its end; a fed process also takes
 * batches of ids on its stdin ({@link #feed}).
 */
final class WorkerProcess {
    private static final int TAIL = 4 * 1024;
    /** How soon a waiting lane sees a test that started, to hold it to its time limit. */
    static final Duration POLL = Duration.ofMillis(100);

    /** Why {@link #await} returned. */
    enum Wake {
        /** Every id of the batch has a final status. */
        BATCH_DONE,
        /** Its stdout ended: the process has ended or is ending. */
        ENDED,
        /** No event within the start-up timeout. */
        STARTUP_TIMEOUT,
        /** A test has run longer than its limit: see {@link #overdue()}. */
        TEST_TIMEOUT,
        /**
         * A cancel was answered while the batch still runs (its test in progress): {@link
         * #takeHandedBack} gives the ids now, so others can run them before that test ends.
         */
        HANDED_BACK
    }

    private final int index;
    private final String route;
    private final ShellCommand command;
    private final boolean fed;
    private final StreamResult downstream;
    private final StreamResult routed;
    private final Clock clock;
    private final BiConsumer<String, Duration> onFinished;
    // guarded by this: written by the stdout thread, read by the lane
    private final Map<String, Long> running = new LinkedHashMap<>(); // test -> nanoTime it started
    private final Set<String> reported = new LinkedHashSet<>();
    private long startNanos;
    private long firstEventNanos = -1;
    /** The batch the lane waits for in {@link #await}, or null: none, or it waits for the end. */
    private Set<String> awaited;

    private boolean ended;
    private RuntimeException sinkFailure;
    private IOException readFailure;
    private volatile boolean killed;
    private String overdue;
    private Duration overdueLimit;
    // written by one reader thread each, read after it has finished
    private final OutputTail stderrTail = new OutputTail(TAIL);
    private final OutputTail stdoutTail = new OutputTail(TAIL);
    private Process process;
    private OutputStream stdin;
    private Thread stdoutReader;
    private Thread stderrReader;
    private Thread idWriter;
    private Path idPipe;
    // the feed's cancel (see WorkerLane): guarded by this
    private boolean canCancel;
    private int cancelsSent;
    private int cancelsAnswered;
    private long settledNanos = -1; // when the batch's last test reported while a cancel's answer was owed
    private long fedNanos = -1; // when the batch in flight was fed
    private long batchStartedNanos = -1; // when its first test started
    private int batchesFed;
    private final Set<String> handedBack = new LinkedHashSet<>(); // the batch in flight's, told by its answers
    private final List<String> handedBackUntaken = new ArrayList<>(); // of those, not yet taken by the lane
    private final Object stdinLock = new Object();

    /** A fed worker's file event saying what it can do beyond the plain feed ({@code cancel}). */
    static final String FEED_FEATURES = "testr4j.feed";
    /** A fed worker's answer to a cancel: the ids of its batch it will not run, a line each. */
    static final String UNSTARTED = "testr4j.unstarted";

    /** A process whose tests' durations go nowhere. */
    WorkerProcess(int index, ShellCommand command, boolean fed, StreamResult downstream, Clock clock) {
        this(index, command, fed, downstream, clock, (id, took) -> {});
    }

    /** A process that tells {@code onFinished} how long each test it finishes took, as measured here. */
    WorkerProcess(
            int index,
            ShellCommand command,
            boolean fed,
            StreamResult downstream,
            Clock clock,
            BiConsumer<String, Duration> onFinished) {
        this.onFinished = onFinished;
        this.index = index;
        this.route = Integer.toString(index);
        this.command = command;
        this.fed = fed;
        this.downstream = downstream;
        this.clock = clock;
        this.routed = new RoutePrefixer(route, new Timestamper(clock, downstream));
    }

    int index() {
        return index;
    }

    ShellCommand command() {
        return command;
    }

    /** Starts the process and its two reader threads, named after {@code threadPrefix}. */
    void start(String threadPrefix) throws CommandException {
        synchronized (this) {
            startNanos = System.nanoTime();
        }
        process = fed ? command.startFed() : command.start();
        stdin = fed ? process.getOutputStream() : null;
        stdoutReader = daemon(threadPrefix + "-stdout", this::readStdout);
        stderrReader = daemon(threadPrefix + "-stderr", this::readStderr);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void readStdout() {
        try (PacketReader reader = PacketReader.lenient(process.getInputStream(), "stdout")) {
            reader.readAll(this::fromStdout);
        } catch (IOException e) {
            if (!killed) { // killing closes the process's streams under a blocked read: that is its end
                synchronized (this) {
                    readFailure = e;
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                sinkFailure = e; // the downstream sink failed: not the worker's fault
            }
            killTree();
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private void fromStdout(Event event) {
        String id = event.testId();
        if (fed && id == null && isFeedControl(event.fileName())) {
            feedControl(event); // the feed protocol's, not the run's: kept out of the stream
            return;
        }
        if (id == null && "stdout".equals(event.fileName()) && event.fileBytes() != null) {
            byte[] b = event.fileBytes().toByteArray();
            stdoutTail.append(b, 0, b.length);
        }
        routed.status(event); // first, so a batch is done only once its last event is downstream
        Long started = null;
        long now = System.nanoTime();
        synchronized (this) {
            // Wake the lane only for what can end its wait; it looks at new tests' time limits at
            // least every POLL. A wake per event was two context switches per test.
            boolean wake = firstEventNanos < 0;
            if (firstEventNanos < 0) {
                firstEventNanos = now;
            }
            if (id != null) {
                if (event.status() == TestStatus.IN_PROGRESS) {
                    running.putIfAbsent(id, now);
                    if (batchStartedNanos < 0 && fedNanos >= 0) {
                        batchStartedNanos = now;
                    }
                } else if (event.status().isFinal()) {
                    started = running.remove(id);
                    reported.add(id);
                    wake |= awaited != null && awaited.contains(id);
                }
            }
            if (wake) {
                notifyAll();
            }
        }
        if (started != null) {
            onFinished.accept(id, Duration.ofNanos(now - started));
        }
    }

    private static boolean isFeedControl(String fileName) {
        return FEED_FEATURES.equals(fileName) || UNSTARTED.equals(fileName);
    }

    private synchronized void feedControl(Event event) {
        String text = event.fileBytes() == null ? "" : event.fileBytes().utf8();
        if (firstEventNanos < 0) {
            firstEventNanos = System.nanoTime(); // it has started: a worker announces before any test
        }
        if (FEED_FEATURES.equals(event.fileName())) {
            canCancel = text.lines().anyMatch(line -> line.strip().equals("cancel"));
        } else {
            cancelsAnswered++;
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(id -> {
                if (handedBack.add(id)) {
                    handedBackUntaken.add(id);
                }
            });
        }
        notifyAll();
    }

    private void readStderr() {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = process.getErrorStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (n > 0) {
                    stderrTail.append(buf, 0, n);
                    downstream.status(Event.builder()
                            .file("stderr", Bytes.of(buf, 0, n))
                            .routeCode(route)
                            .timestamp(clock.instant())
                            .build());
                }
            }
        } catch (IOException e) {
            // the process is gone; its stdout reader reports the end
        } catch (RuntimeException e) {
            synchronized (this) {
                sinkFailure = e;
            }
            killTree();
        }
    }

    /**
     * Gives a process started early (with the named pipe {@code pipe} as its {@code $IDFILE}) its
     * ids: a thread writes them to the pipe once the process opens it. Its start-up timeout counts
     * from now.
     */
    void assign(Path pipe, Collection<String> ids, String threadName) {
        StringBuilder b = new StringBuilder();
        ids.forEach(id -> b.append(id).append('\n'));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            startNanos = System.nanoTime();
            idPipe = pipe;
        }
        idWriter = daemon(threadName, () -> {
            try (OutputStream out = Files.newOutputStream(pipe)) { // blocks until the process opens it
                out.write(bytes);
            } catch (IOException e) {
                // it ended without reading them: its lane sees that it sent nothing
            }
        });
    }

    /** Writes {@code ids} to the process's stdin, one a line, then the empty line that ends a batch. */
    void feed(Collection<String> ids) {
        synchronized (this) {
            fedNanos = System.nanoTime();
            batchStartedNanos = -1;
            handedBack.clear(); // a test handed back may come back to this worker in a later batch
            handedBackUntaken.clear();
            batchesFed++;
        }
        StringBuilder b = new StringBuilder();
        ids.forEach(id -> b.append(id).append('\n'));
        b.append('\n');
        writeStdin(b.toString());
    }

    private void writeStdin(String text) {
        synchronized (stdinLock) {
            try {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                // it has ended or is ending: await sees its stdout close
            }
        }
    }

    /**
     * Asks a fed worker that announced it can be cancelled to stop its batch after the test in
     * progress; {@link #await} then also waits for its answer, and {@link #takeHandedBack} gives the
     * ids it will not run. False (and nothing sent) when it cannot be cancelled or has ended.
     */
    boolean cancel() {
        synchronized (this) {
            if (!fed || !canCancel || ended) {
                return false;
            }
            cancelsSent++;
        }
        writeStdin("!cancel\n");
        return true;
    }

    /** The ids of {@code batch} it has not started (none when it cannot be cancelled: they cannot be taken back). */
    synchronized List<String> unstarted(Collection<String> batch) {
        if (!canCancel) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : batch) {
            if (!reported.contains(id) && !running.containsKey(id) && !handedBack.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The ids its answers to cancels handed back since the last call, which it did not run. */
    synchronized List<String> takeHandedBack() {
        List<String> ids = new ArrayList<>(handedBackUntaken);
        handedBackUntaken.clear();
        return ids;
    }

    /** Closes the process's stdin: no more batches. */
    void endInput() {
        if (stdin != null) {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /**
     * Waits until every id of {@code batch} has a final status (unless {@code untilEnd}), the
     * process's stdout ends, it sends no event within {@code startupTimeout}, or a running test
     * passes its limit in {@code limits}.
     */
    synchronized Wake await(
            Collection<String> batch,
            boolean untilEnd,
            Duration startupTimeout,
            Function<String, Optional<Duration>> limits)
            throws InterruptedException {
        awaited = untilEnd ? null : batch instanceof Set ? (Set<String>) batch : new HashSet<>(batch);
        try {
            return awaitWake(batch, untilEnd, startupTimeout, limits);
        } finally {
            awaited = null;
        }
    }

    private Wake awaitWake(
            Collection<String> batch,
            boolean untilEnd,
            Duration startupTimeout,
            Function<String, Optional<Duration>> limits)
            throws InterruptedException {
        while (true) {
            if (ended) {
                return Wake.ENDED;
            }
            long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            boolean settled = !untilEnd && batchSettled(batch);
            if (!untilEnd && !settled && !handedBackUntaken.isEmpty()) {
                return Wake.HANDED_BACK;
            }
            if (settled) {
                if (cancelsAnswered >= cancelsSent) {
                    settledNanos = -1;
                    return Wake.BATCH_DONE;
                }
                // every test reported, the answer to a cancel still owed: a worker that announced
                // cancel but never answers must not hang the run; it has the start-up timeout to answer
                if (settledNanos < 0) {
                    settledNanos = now;
                }
                long left = settledNanos + startupTimeout.toNanos() - now;
                if (left <= 0) {
                    cancelsAnswered = cancelsSent;
                    settledNanos = -1;
                    return Wake.BATCH_DONE;
                }
                next = left;
            }
            if (firstEventNanos < 0) {
                long deadline = startNanos + startupTimeout.toNanos();
                if (now - deadline >= 0) {
                    return Wake.STARTUP_TIMEOUT;
                }
                next = Math.min(next, deadline - now);
            }
            for (Map.Entry<String, Long> e : running.entrySet()) {
                Optional<Duration> limit = limits.apply(e.getKey());
                if (limit.isPresent()) {
                    long left = e.getValue() + limit.get().toNanos() - now;
                    if (left <= 0) {
                        overdue = e.getKey();
                        overdueLimit = limit.get();
                        return Wake.TEST_TIMEOUT;
                    }
                    next = Math.min(next, left);
                }
            }
            // a test that started since has a limit of its own: looked at within POLL
            wait(Math.max(1, Math.min(POLL.toMillis(), next / 1_000_000 + 1)));
        }
    }

    private boolean batchSettled(Collection<String> batch) {
        for (String id : batch) {
            if (!reported.contains(id) && !handedBack.contains(id)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for its stdout to end. */
    synchronized void awaitEnd() throws InterruptedException {
        while (!ended) {
            wait();
        }
    }

    /** Waits up to {@code grace} for its stdout to end; false if it has not. */
    synchronized boolean awaitEnd(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000 + 1);
        }
        return true;
    }

    /** The test that ran past its limit, after {@link Wake#TEST_TIMEOUT}. */
    synchronized String overdue() {
        return overdue;
    }

    /** Its limit. */
    synchronized Duration overdueLimit() {
        return overdueLimit;
    }

    /** Time from start to first event, if there was one. */
    synchronized Optional<Duration> startup() {
        return firstEventNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstEventNanos - startNanos));
    }

    synchronized boolean sentAnything() {
        return firstEventNanos >= 0;
    }

    /** Kills the process and every process it started (a test's own children would keep the pipes open). */
    void killTree() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = p.descendants().toList(); // before the parent dies: then they are orphans
        killed = true;
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits for both readers and the exit status; rethrows a failure of the downstream sink.
     *
     * @return the exit status
     */
    int finish() throws InterruptedException, CommandException {
        stdoutReader.join();
        stderrReader.join();
        int status = process.waitFor();
        if (idWriter != null) {
            idWriter.join(1000); // it exited: the writer is done, or blocked opening a pipe nobody will read
        }
        if (idWriter != null && idWriter.isAlive()) {
            try (InputStream in = Files.newInputStream(idPipe)) { // it never opened its pipe: let the writer go
                in.readAllBytes();
            } catch (IOException e) {
                // the writer is gone too
            }
            idWriter.join();
        }
        synchronized (this) {
            if (sinkFailure != null) {
                throw sinkFailure;
            }
            if (readFailure != null) {
                throw new CommandException(
                        "reading the output of " + this + " failed: " + readFailure.getMessage(), readFailure);
            }
        }
        return status;
    }

    /** The tests it gave a final status, in order. */
    synchronized List<String> reported() {
        return new ArrayList<>(reported);
    }

    /** The tests it started and never finished. */
    synchronized List<String> running() {
        return new ArrayList<>(running.keySet());
    }

    /**
     * How long the batch in flight took from being fed to its first test: a class's set-up, as
     * {@code @BeforeAll}, which every part of a split class pays again. Still counting while no test
     * has started. Zero for a worker's first batch, whose wait is the worker's own start (a JVM and
     * its test engine warming up, seconds when many start at once), not the class's.
     */
    synchronized Duration batchSetUp() {
        if (fedNanos < 0 || batchesFed <= 1) {
            return Duration.ZERO;
        }
        long to = batchStartedNanos < 0 ? System.nanoTime() : batchStartedNanos;
        return Duration.ofNanos(Math.max(0, to - fedNanos));
    }

    /** The tests in progress and how long each has run so far. */
    synchronized Map<String, Duration> runningFor() {
        long now = System.nanoTime();
        Map<String, Duration> soFar = new LinkedHashMap<>();
        running.forEach((id, started) -> soFar.put(id, Duration.ofNanos(now - started)));
        return soFar;
    }

    synchronized boolean hasReported(String id) {
        return reported.contains(id);
    }

    /** The end of its stderr. */
    String stderrTail() {
        return stderrTail.text();
    }

    /** The end of what it printed on stdout that was not subunit. */
    String stdoutTail() {
        return stdoutTail.text();
    }

    @Override
    public String toString() {
        return "worker " + index + ": " + command.command() + " in " + command.directory();
    }
}
