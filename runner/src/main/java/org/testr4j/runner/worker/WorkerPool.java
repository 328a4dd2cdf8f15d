package org.testr4j.runner.worker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.process.Synchronized;

/**
 * Runs a {@link Schedule}'s worker lanes at once and merges their output into one stream.
 *
 * <p>Each lane takes batches from its queue and runs them in worker processes: fed on stdin when
 * the command has {@code test_feed_option}, else one process per batch with the batch in {@code
 * $IDFILE} (one id per line, a temporary file deleted afterwards) and {@code $IDLIST}. Events reach
 * {@code downstream} live, with the lane's index put in front of their route codes and the arrival
 * time on those that have none; events of different lanes interleave, those of one lane keep their
 * order. The caller starts and stops the run on {@code downstream}; this only calls {@code status},
 * from several threads but one at a time.
 *
 * <p>Faults become failures in the stream and in the returned {@link RunOutcome}, and the run goes
 * on: a process that crashes fails the test it was running (and {@code testr4j.worker-N}, with its
 * exit status and the end of its stderr), its unstarted tests go back to the queue and a fresh
 * process takes its place; a test past its time limit fails as timed out and its worker is killed
 * and replaced; a process that sends nothing is retried, then reported. Tests left when no lane is
 * left to run them fail with the reason. Only if no process of any lane could start does this
 * throw.
 *
 * <pre>{@code
 * TestQueue queue = TestQueue.shared(ids, times, partitioner::groupOf, ChunkPlan.chunked(4));
 * RunOutcome outcome = new WorkerPool(projectDir).run(conf.commandTemplate(List.of()), Schedule.shared(queue), sink);
 * }</pre>
 */
public final class WorkerPool {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path directory;
    private final Clock clock;
    private final LiveProcesses live = new LiveProcesses();

    /** Runs commands in {@code directory}, the project's root. */
    public WorkerPool(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** Runs commands in {@code directory}, stamping events that have no timestamp with {@code clock}. */
    public WorkerPool(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Stops the run from any thread (a signal handler): kills every running worker's process tree
     * and starts no worker from now on. The run methods then return as the killed workers' output
     * ends, their outcomes crashed; the caller knows it cancelled and reads them as such.
     *
     * <pre>{@code
     * Signal.handle(new Signal("INT"), s -> pool.cancel()); // run(...) returns soon after
     * }</pre>
     */
    public void cancel() {
        live.cancel();
    }

    /** Runs every lane of {@code schedule} at once and waits for them all. */
    public RunOutcome run(CommandTemplate template, Schedule schedule, StreamResult downstream)
            throws CommandException, InterruptedException {
        StreamResult shared = Synchronized.of(downstream);
        List<Schedule.Lane> lanes = schedule.lanes();
        if (lanes.isEmpty()) {
            return new RunOutcome(List.of());
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(lanes.size(), task -> {
            Thread t = new Thread(task, "testr-pool" + pool + "-lane" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger restarts = new AtomicInteger();
        List<WorkerLane.Result> results = new ArrayList<>();
        try {
            List<Future<WorkerLane.Result>> running = new ArrayList<>();
            for (Schedule.Lane lane : lanes) {
                running.add(executor.submit(new WorkerLane(
                        lane, template, directory, schedule, restarts, shared, clock, "testr-pool" + pool, live)));
            }
            for (Future<WorkerLane.Result> lane : running) {
                results.add(await(lane));
            }
        } finally {
            executor.shutdownNow(); // only interrupts after a failure above: each lane then kills its process
        }
        List<WorkerOutcome> outcomes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean anyStarted = false;
        for (WorkerLane.Result r : results) {
            outcomes.addAll(r.processes());
            anyStarted |= r.everStarted();
            if (r.stopReason() != null) {
                reasons.add(r.stopReason());
            }
        }
        Map<TestQueue, Boolean> queues = new IdentityHashMap<>();
        List<String> left = new ArrayList<>();
        for (Schedule.Lane lane : lanes) {
            if (queues.put(lane.queue(), true) == null) {
                left.addAll(lane.queue().close());
            }
        }
        if (!left.isEmpty() && !anyStarted && !live.cancelled()) {
            throw new CommandException("no worker could start, so no test ran"
                    + (reasons.isEmpty() ? "" : ".\n" + reasons.get(0).strip()));
        }
        if (!left.isEmpty()) {
            new FaultReport(shared, clock).notRun(left, "no worker was left to run it: " + String.join("; ", reasons));
        }
        return new RunOutcome(outcomes, left);
    }

    private static WorkerLane.Result await(Future<WorkerLane.Result> lane)
            throws CommandException, InterruptedException {
        try {
            return lane.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CommandException) {
                throw (CommandException) cause;
            }
            if (cause instanceof InterruptedException) {
                throw (InterruptedException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause; // the downstream sink failed: not the worker's fault
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("a worker lane failed: " + cause, cause);
        }
    }

    /**
     * Runs {@code command} as worker 0, letting it choose its tests: testrepository's serial run when
     * no tests are named. Tests it starts and never finishes still count as a crash. A test past its
     * limit in {@code timeouts}, or no output within {@code startupTimeout}, kills the command; the
     * tests it had not run yet cannot be handed to another worker, since only it knew them.
     */
    public RunOutcome runUnlisted(
            String command, TestTimeouts timeouts, Duration startupTimeout, StreamResult downstream)
            throws CommandException, InterruptedException {
        StreamResult shared = Synchronized.of(downstream);
        WorkerProcess p = new WorkerProcess(0, new ShellCommand(command, directory), false, shared, clock);
        try {
            live.start(p, "testr-pool" + POOLS.incrementAndGet() + "-unlisted");
            WorkerProcess.Wake wake = p.await(List.of(), true, startupTimeout, timeouts::limitOf);
            if (wake != WorkerProcess.Wake.ENDED) {
                p.killTree();
            }
            int status = p.finish();
            List<String> interrupted = p.running();
            String explainedBy = "";
            FaultReport report = new FaultReport(shared, clock);
            if (wake == WorkerProcess.Wake.TEST_TIMEOUT && interrupted.contains(p.overdue())) {
                explainedBy = p.overdue();
                report.timedOut(p, p.overdue(), p.overdueLimit(), null);
            } else if (status != 0 || !interrupted.isEmpty()) {
                explainedBy = FaultReport.crashTest(0, 1);
                String note = wake == WorkerProcess.Wake.STARTUP_TIMEOUT
                        ? "it sent nothing within the start-up timeout of " + FaultReport.seconds(startupTimeout)
                                + " and was killed."
                        : null;
                report.crashed(p, explainedBy, status, -1, List.of(), interrupted, List.of(), note);
            }
            return new RunOutcome(List.of(new WorkerOutcome(
                    0, command, status, p.reported(), List.of(), interrupted, List.of(), explainedBy)));
        } finally {
            if (p.isAlive()) {
                p.killTree();
            }
        }
    }
}
