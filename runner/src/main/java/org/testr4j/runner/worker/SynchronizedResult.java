package org.testr4j.runner.worker;

import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/** Lets the workers' reader threads share one downstream sink. */
// TODO(issue 5): use process.Synchronized once merged
final class SynchronizedResult implements StreamResult {
    private final StreamResult downstream;

    SynchronizedResult(StreamResult downstream) {
        this.downstream = downstream;
    }

    @Override
    public synchronized void startRun() {
        downstream.startRun();
    }

    @Override
    public synchronized void status(Event event) {
        downstream.status(event);
    }

    @Override
    public synchronized void stopRun() {
        downstream.stopRun();
    }
}
