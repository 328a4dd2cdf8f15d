package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.TestQueue;

/**
 * One worker of a run: takes batches from its queue and runs them in successive processes under
 * one route code, until the queue is empty, replacing a process that crashes, hangs or does not
 * start, within the {@link Schedule}'s limits.
 *
 * <p>A command with {@code test_feed_option} is started once and fed each batch on stdin; it is
 * idle when every id of its batch has a final status, and gets EOF when the queue is empty. Any
 * other command is started once per batch with the batch in {@code $IDFILE}.
 */
final class WorkerLane implements Callable<WorkerLane.Result> {
    /**
     * How a lane ended.
     *
     * @param processes every process it started
     * @param everStarted true if one of its processes sent an event
     * @param stopReason why it stopped before its queue was empty, or null
     */
    record Result(List<WorkerOutcome> processes, boolean everStarted, String stopReason) {}

    private final int index;
    private final TestQueue queue;
    private final CommandTemplate template;
    private final Path directory;
    private final Schedule schedule;
    private final AtomicInteger runRestarts;
    private final FaultReport report;
    private final org.testr4j.subunit.StreamResult downstream;
    private final Clock clock;
    private final String threadPrefix;
    private final LiveProcesses live;
    private final List<WorkerOutcome> outcomes = new ArrayList<>();
    private int processes;
    private int crashTests;
    private WorkerProcess current;
    private Spare spare;
    private boolean pipesUnavailable;
    private String lastNoStart;

    /** A process started ahead of its chunk, waiting on {@code pipe} for its ids. */
    private record Spare(WorkerProcess process, Path pipe) {}

    /** How one process ended, for the lane's bookkeeping. */
    private enum Ending {
        CLEAN,
        FAULT,
        NO_START
    }

    WorkerLane(
            Schedule.Lane lane,
            CommandTemplate template,
            Path directory,
            Schedule schedule,
            AtomicInteger runRestarts,
            org.testr4j.subunit.StreamResult downstream,
            Clock clock,
            String threadPrefix,
            LiveProcesses live) {
        this.index = lane.index();
        this.queue = lane.queue();
        this.template = template;
        this.directory = directory;
        this.schedule = schedule;
        this.runRestarts = runRestarts;
        this.downstream = downstream;
        this.clock = clock;
        this.report = new FaultReport(downstream, clock);
        this.threadPrefix = threadPrefix;
        this.live = live;
    }

    @Override
    public Result call() throws InterruptedException, CommandException {
        boolean firstTake = true;
        boolean everStarted = false;
        int restarts = 0;
        int failedStarts = 0;
        String lastStartFailure = null;
        try {
            List<String> batch = queue.take(true, index);
            while (!batch.isEmpty()) {
                if (live.cancelled()) {
                    queue.settle(batch, batch); // back to the queue: the pool reports what never ran
                    return new Result(outcomes, everStarted, "the run was cancelled");
                }
                firstTake = false;
                Ending ending = template.canFeed() ? runFed(batch) : runChunk(batch);
                if (ending == Ending.NO_START) {
                    lastStartFailure = lastNoStart;
                    if (++failedStarts >= Schedule.START_ATTEMPTS) {
                        String why = "worker " + index + " could not start: " + failedStarts + " attempts in a row"
                                + " sent no event.\nlast attempt: " + lastStartFailure;
                        report.couldNotStart(index, FaultReport.crashTest(index, ++crashTests), why);
                        return new Result(outcomes, everStarted, why);
                    }
                } else {
                    everStarted = true;
                    failedStarts = 0;
                    if (ending == Ending.FAULT) {
                        restarts++;
                        if (restarts > schedule.restartsPerLane()) {
                            return new Result(
                                    outcomes,
                                    true,
                                    "worker " + index + " was not restarted again after " + restarts + " crashes or"
                                            + " timeouts (at most " + schedule.restartsPerLane() + " restarts per"
                                            + " worker)");
                        }
                        if (runRestarts.incrementAndGet() > schedule.restartsPerRun()) {
                            return new Result(
                                    outcomes,
                                    true,
                                    "worker " + index + " was not restarted: this run already restarted workers "
                                            + schedule.restartsPerRun() + " times, its limit");
                        }
                    }
                }
                batch = queue.take(firstTake, index);
            }
            return new Result(outcomes, everStarted, null);
        } finally {
            discardSpare();
            WorkerProcess p = current;
            if (p != null && p.isAlive()) {
                p.killTree(); // only after a failure or an interrupt: never leave a worker running behind us
            }
        }
    }

    private Ending runChunk(List<String> batch) throws InterruptedException, CommandException {
        Path idFile;
        WorkerProcess p;
        if (spare != null) {
            p = spare.process();
            idFile = spare.pipe();
            spare = null;
            current = p;
            p.assign(idFile, batch, threadPrefix + "-w" + index + "-ids" + processes);
        } else {
            idFile = writeIdFile(batch);
            p = startProcess(template.runCommand(idFile, batch), false);
        }
        try {
            startSpareIfMoreQueued();
            WorkerProcess.Wake wake = p.await(batch, false, schedule.startupTimeout(), this::limitOf);
            p.startup().ifPresent(queue.plan()::observeStartup);
            String note = null;
            if (wake == WorkerProcess.Wake.BATCH_DONE) {
                // every test reported: it should now exit; it has as long as it had to start
                if (p.awaitEnd(schedule.startupTimeout())) {
                    wake = WorkerProcess.Wake.ENDED;
                } else {
                    note = notExited();
                }
            }
            return conclude(p, batch, wake, note);
        } finally {
            deleteQuietly(idFile);
        }
    }

    private Ending runFed(List<String> first) throws InterruptedException, CommandException {
        WorkerProcess p = startProcess(template.feedCommand(), true);
        List<String> batch = first;
        while (true) {
            p.feed(batch);
            List<String> fed = batch;
            // an idle lane may take back what this worker has not started (if it announced it can stop)
            queue.offer(index, new TestQueue.Revocable() {
                @Override
                public List<String> unstarted() {
                    return p.unstarted(fed);
                }

                @Override
                public boolean revoke() {
                    return p.cancel();
                }

                @Override
                public Map<String, Duration> running() {
                    return p.runningFor();
                }

                @Override
                public Duration setUp() {
                    return p.batchSetUp();
                }
            });
            WorkerProcess.Wake wake;
            try {
                // a worker that answers a cancel while its test in progress runs hands tests on at once
                while ((wake = p.await(batch, false, schedule.startupTimeout(), this::limitOf))
                        == WorkerProcess.Wake.HANDED_BACK) {
                    // only ids of its own batch: another lane's test named by mistake must not run twice
                    Set<String> gone = new HashSet<>(p.takeHandedBack());
                    List<String> back = batch.stream().filter(gone::contains).toList();
                    queue.handBack(index, back);
                    batch = batch.stream().filter(id -> !gone.contains(id)).toList();
                }
            } finally {
                queue.withdraw(index);
            }
            if (wake != WorkerProcess.Wake.BATCH_DONE) {
                return conclude(p, batch, wake, null);
            }
            queue.observeSetUp(batch, p.batchSetUp());
            queue.settle(batch, p.takeHandedBack(), index);
            batch = schedule.isolated() ? List.of() : queue.take(false, index);
            if (batch.isEmpty()) {
                p.endInput();
                boolean exited = p.awaitEnd(schedule.startupTimeout());
                return conclude(p, List.of(), exited ? WorkerProcess.Wake.ENDED : wake, exited ? null : notExited());
            }
        }
    }

    /**
     * Starts the next process of this lane now, with a named pipe as its {@code $IDFILE}, so that its
     * start-up (an interpreter, imports, discovery) overlaps the running chunk: it waits on the pipe
     * until its chunk is known. Only for a command that reads its ids from {@code $IDFILE} alone,
     * and only while tests are queued.
     */
    private void startSpareIfMoreQueued() {
        if (pipesUnavailable || !template.takesIdsFromFileOnly() || queue.size() == 0) {
            return;
        }
        Path pipe = makePipe();
        if (pipe == null) {
            pipesUnavailable = true;
            return;
        }
        WorkerProcess w = new WorkerProcess(
                index,
                new ShellCommand(template.runCommand(pipe, List.of()), directory),
                false,
                downstream,
                clock,
                queue::observe);
        try {
            live.start(w, threadPrefix + "-w" + index + "-p" + (++processes));
            spare = new Spare(w, pipe);
        } catch (CommandException e) {
            deleteQuietly(pipe); // the next chunk starts its process the ordinary way and reports why
        }
    }

    private static Path makePipe() {
        try {
            Path path = Files.createTempFile("testr-ids-", ".fifo");
            Files.delete(path);
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            mkfifo.getInputStream().readAllBytes();
            return mkfifo.waitFor() == 0 ? path : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops a spare process that no chunk came for; it never sent a test, so there is nothing to report. */
    private void discardSpare() {
        Spare s = spare;
        spare = null;
        if (s != null) {
            s.process().killTree();
            try {
                if (!s.process().awaitEnd(Duration.ofSeconds(1))) {
                    releaseReaderOf(s.pipe()); // its output is still open: an orphan waits on the pipe
                    if (!s.process().awaitEnd(Duration.ofSeconds(5))) {
                        return; // something else holds it open: leave its reader (a daemon), end the run
                    }
                }
                s.process().finish();
            } catch (CommandException | RuntimeException e) {
                // it was killed while waiting for its ids: what it printed does not matter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                deleteQuietly(s.pipe());
            }
        }
    }

    /**
     * A child the kill missed (forked after the kill's snapshot of the tree, then orphaned) may still
     * be waiting to open the pipe, holding the process's stdout open: opening and closing the write
     * end gives it an empty list, so it ends and the stdout reader sees the end. Bounded: when no
     * reader comes, the opening thread (a daemon) is left behind.
     */
    private static void releaseReaderOf(Path pipe) {
        Thread opener = new Thread(
                () -> {
                    try (OutputStream out = Files.newOutputStream(pipe)) {
                        out.flush();
                    } catch (IOException e) {
                        // nobody reads it any more, or it is gone: nothing is waiting
                    }
                },
                "testr-spare-pipe");
        opener.setDaemon(true);
        opener.start();
        try {
            opener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String notExited() {
        return "it had not exited " + FaultReport.seconds(schedule.startupTimeout()) + " after its last test, so it"
                + " was killed.";
    }

    private WorkerProcess startProcess(String command, boolean fed) throws CommandException {
        WorkerProcess p =
                new WorkerProcess(index, new ShellCommand(command, directory), fed, downstream, clock, queue::observe);
        current = p;
        live.start(p, threadPrefix + "-w" + index + "-p" + (++processes));
        return p;
    }

    private java.util.Optional<Duration> limitOf(String testId) {
        return schedule.timeouts().limitOf(testId);
    }

    /** Settles {@code batch} with the queue after {@code p} ended or was woken by a deadline. */
    private Ending conclude(WorkerProcess p, List<String> batch, WorkerProcess.Wake wake, String note)
            throws InterruptedException, CommandException {
        boolean killed = wake != WorkerProcess.Wake.ENDED;
        if (killed) {
            p.killTree();
        }
        int status = p.finish();
        List<String> missing = new ArrayList<>();
        for (String id : batch) {
            if (!p.hasReported(id)) {
                missing.add(id);
            }
        }
        List<String> interrupted = p.running();
        // Only a worker that died (or was killed) hands its unstarted tests on; one that exited 0
        // without running some chose not to (an id it does not know), and would only skip them again.
        boolean died = killed || status != 0 || !interrupted.isEmpty();
        List<String> notStarted =
                died ? missing.stream().filter(id -> !interrupted.contains(id)).toList() : List.of();
        if (!p.sentAnything() && died) { // exit 0 with nothing to say ran, but knew none of its ids
            queue.settle(batch, batch, index);
            lastNoStart = "`" + p.command().command() + "` in " + directory
                    + (wake == WorkerProcess.Wake.STARTUP_TIMEOUT
                            ? " sent nothing within the start-up timeout of "
                                    + FaultReport.seconds(schedule.startupTimeout()) + " and was killed"
                            : " ended with " + ShellCommand.describeExit(status) + " before sending anything")
                    + ".\n";
            StringBuilder b = new StringBuilder(lastNoStart);
            FaultReport.tail(b, "stderr", p.stderrTail());
            lastNoStart = b.toString();
            outcomes.add(
                    new WorkerOutcome(index, p.command().command(), status, List.of(), missing, List.of(), batch, ""));
            return Ending.NO_START;
        }
        boolean fault = killed || status != 0 || !missing.isEmpty() || !interrupted.isEmpty();
        String explainedBy = "";
        if (fault) {
            if (wake == WorkerProcess.Wake.TEST_TIMEOUT && interrupted.contains(p.overdue())) {
                explainedBy = p.overdue();
                report.timedOut(p, p.overdue(), p.overdueLimit(), notStarted);
                List<String> others = new ArrayList<>(interrupted);
                others.remove(p.overdue());
                if (!others.isEmpty()) {
                    report.crashed(
                            p,
                            FaultReport.crashTest(index, ++crashTests),
                            status,
                            batch.size(),
                            missing,
                            others,
                            notStarted,
                            "it was killed because " + p.overdue() + " timed out.");
                }
            } else {
                if (wake == WorkerProcess.Wake.STARTUP_TIMEOUT && note == null) {
                    note = "it sent nothing within the start-up timeout and was killed.";
                }
                explainedBy = FaultReport.crashTest(index, ++crashTests);
                report.crashed(
                        p,
                        explainedBy,
                        status,
                        batch.isEmpty() ? -1 : batch.size(),
                        missing,
                        interrupted,
                        notStarted,
                        note);
            }
        }
        queue.settle(batch, notStarted, index);
        outcomes.add(new WorkerOutcome(
                index, p.command().command(), status, p.reported(), missing, interrupted, notStarted, explainedBy));
        return died ? Ending.FAULT : Ending.CLEAN;
    }

    static Path writeIdFile(List<String> ids) {
        try {
            Path file = Files.createTempFile("testr-ids-", ".list");
            // testrepository's write_list: every id followed by a newline
            StringBuilder b = new StringBuilder();
            ids.forEach(id -> b.append(id).append('\n'));
            Files.writeString(file, b, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the list of test ids for a worker: " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the run's result matters more
        }
    }
}
