package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.process.Synchronized;

/**
 * Runs one worker process per partition and merges their output into one stream.
 *
 * <p>Each worker runs the test command with its partition in {@code $IDFILE} (one id per line, a
 * temporary file deleted afterwards) and {@code $IDLIST}. Its events reach {@code downstream}
 * live, with the partition's index put in front of their route codes; events of different workers
 * interleave, those of one worker keep their order. The caller starts and stops the run on {@code
 * downstream}; this only calls {@code status}, from several threads but one at a time. A worker
 * that crashes becomes failures in the stream (see {@link WorkerOutcome#crashed()}) and in the
 * returned {@link RunOutcome}.
 *
 * <pre>{@code
 * List<Partition> parts = new TimingPartitioner(2, times).partition(ids);
 * RunOutcome outcome = new WorkerPool(projectDir).run(conf.commandTemplate(List.of()), parts, sink);
 * }</pre>
 */
public final class WorkerPool {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Path directory;
    // guarded by itself: a worker is started and registered, or cancelled, never half of each
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private boolean cancelled;

    /** Runs commands in {@code directory}, the project's root. */
    public WorkerPool(Path directory) {
        this.directory = directory;
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
        List<WorkerProcess> running;
        synchronized (live) {
            cancelled = true;
            running = List.copyOf(live);
        }
        running.forEach(WorkerProcess::kill);
    }

    /** Runs each non-empty partition in its own worker, all at once, and waits for them all. */
    public RunOutcome run(CommandTemplate template, List<Partition> partitions, StreamResult downstream)
            throws CommandException, InterruptedException {
        StreamResult shared = Synchronized.of(downstream);
        List<Path> idFiles = new ArrayList<>();
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (Partition p : partitions) {
                if (p.isEmpty()) {
                    continue; // testrepository starts no process for an empty partition
                }
                Path ids = writeIdFile(p.testIds());
                idFiles.add(ids);
                String command = template.runCommand(ids, p.testIds());
                workers.add(
                        new WorkerProcess(p.index(), p.testIds(), true, new ShellCommand(command, directory), shared));
            }
            return runAll(workers);
        } finally {
            for (Path f : idFiles) {
                deleteQuietly(f);
            }
        }
    }

    /**
     * Runs each test in its own process: one worker lane per non-empty partition, all lanes at once,
     * each starting the test command once per test of its partition, in order, with {@code $IDFILE}
     * holding that one id. The lane's index is the route code of all its processes, so the run
     * reads as the partitions' workers. A process that crashes fails as a worker does; the lane
     * goes on with its next test.
     *
     * <pre>{@code
     * RunOutcome outcome = new WorkerPool(projectDir).runIsolated(template, partitions, sink);
     * outcome.workers().size(); // one per test
     * }</pre>
     */
    public RunOutcome runIsolated(CommandTemplate template, List<Partition> partitions, StreamResult downstream)
            throws CommandException, InterruptedException {
        StreamResult shared = Synchronized.of(downstream);
        List<Partition> busy = partitions.stream().filter(p -> !p.isEmpty()).toList();
        if (busy.isEmpty()) {
            return new RunOutcome(List.of());
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService lanes = Executors.newFixedThreadPool(busy.size(), task -> {
            Thread t = new Thread(task, "testr-pool" + pool + "-lane" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<WorkerOutcome>>> running = new ArrayList<>();
            for (Partition p : busy) {
                running.add(lanes.submit(() -> runEachAlone(template, p, shared)));
            }
            List<WorkerOutcome> outcomes = new ArrayList<>();
            for (Future<List<WorkerOutcome>> lane : running) {
                outcomes.addAll(awaitLane(lane));
            }
            return new RunOutcome(outcomes);
        } finally {
            lanes.shutdownNow(); // only interrupts after a failure above: each lane then kills its process
        }
    }

    private List<WorkerOutcome> runEachAlone(CommandTemplate template, Partition lane, StreamResult shared)
            throws CommandException, InterruptedException {
        List<WorkerOutcome> outcomes = new ArrayList<>();
        for (String id : lane.testIds()) {
            if (isCancelled()) {
                break;
            }
            Path idFile = writeIdFile(List.of(id));
            try {
                String command = template.runCommand(idFile, List.of(id));
                WorkerProcess alone = new WorkerProcess(
                        lane.index(), List.of(id), true, new ShellCommand(command, directory), shared);
                outcomes.addAll(runAll(List.of(alone)).workers());
            } finally {
                deleteQuietly(idFile);
            }
        }
        return outcomes;
    }

    private static List<WorkerOutcome> awaitLane(Future<List<WorkerOutcome>> lane)
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
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("an isolated worker lane failed: " + cause, cause);
        }
    }

    /**
     * Runs {@code command} as worker 0, letting it choose its tests: testrepository's serial run when
     * no tests are named. Tests it starts and never finishes still count as a crash.
     */
    public RunOutcome runUnlisted(String command, StreamResult downstream)
            throws CommandException, InterruptedException {
        StreamResult shared = Synchronized.of(downstream);
        return runAll(List.of(new WorkerProcess(0, List.of(), false, new ShellCommand(command, directory), shared)));
    }

    private RunOutcome runAll(List<WorkerProcess> workers) throws CommandException, InterruptedException {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService readers = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "testr-pool" + pool + "-reader" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> stdout = new ArrayList<>();
            List<Future<Void>> stderr = new ArrayList<>();
            for (WorkerProcess w : workers) {
                if (!startUnlessCancelled(w)) {
                    break;
                }
                stdout.add(readers.submit(w::readStdout));
                stderr.add(readers.submit(w::readStderr));
            }
            List<WorkerOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < stdout.size(); i++) {
                await(stdout.get(i), workers.get(i));
                await(stderr.get(i), workers.get(i));
                outcomes.add(workers.get(i).finish());
            }
            return new RunOutcome(outcomes);
        } finally {
            for (WorkerProcess w : workers) {
                if (w.isAlive()) {
                    w.kill(); // only after a failure above: never leave a worker running behind us
                }
            }
            live.removeAll(workers);
            readers.shutdownNow();
        }
    }

    private boolean startUnlessCancelled(WorkerProcess worker) throws CommandException {
        synchronized (live) {
            if (cancelled) {
                return false;
            }
            worker.start();
            live.add(worker);
            return true;
        }
    }

    private boolean isCancelled() {
        synchronized (live) {
            return cancelled;
        }
    }

    private static void await(Future<Void> reader, WorkerProcess worker) throws CommandException, InterruptedException {
        try {
            reader.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause; // the downstream sink failed: not the worker's fault
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CommandException("reading the output of " + worker + " failed: " + cause.getMessage(), cause);
        }
    }

    private static Path writeIdFile(List<String> ids) {
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the run's result matters more
        }
    }
}
