package org.testr4j.runner.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The worker processes a pool has started, so that {@link WorkerPool#cancel()} can kill them all
 * from another thread (a signal handler) and no process starts after it: a process is started and
 * registered, or killed at once, under one lock, never half of each.
 */
final class LiveProcesses {
    private final List<WorkerProcess> started = new ArrayList<>();
    private boolean cancelled;

    /** Starts {@code p}; after a cancel it is killed at once, and its lane sees it die and stops. */
    synchronized void start(WorkerProcess p, String threadName) throws CommandException {
        p.start(threadName);
        started.add(p);
        if (cancelled) {
            p.killTree();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Kills every process started so far (those already ended are left alone) and any started later. */
    void cancel() {
        List<WorkerProcess> running;
        synchronized (this) {
            cancelled = true;
            running = new ArrayList<>(started);
        }
        for (WorkerProcess p : running) {
            if (p.isAlive()) {
                p.killTree();
            }
        }
    }
}
