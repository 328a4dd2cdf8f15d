package org.testr4j.runner.worker;

import java.util.List;

/**
 * How the workers of one run ended.
 *
 * <pre>{@code
 * RunOutcome outcome = pool.run(template, partitions, sink);
 * if (!outcome.workersSucceeded()) { ... } // some worker crashed; the stream already says which
 * }</pre>
 */
public record RunOutcome(List<WorkerOutcome> workers) {
    public RunOutcome {
        workers = List.copyOf(workers);
    }

    /** True if no worker crashed; the tests themselves may still have failed. */
    public boolean workersSucceeded() {
        return workers.stream().noneMatch(WorkerOutcome::crashed);
    }

    /** Tests given a final status, over all workers. */
    public int testsReported() {
        return workers.stream().mapToInt(w -> w.reported().size()).sum();
    }

    /** Tests never reported, over all workers. */
    public List<String> testsMissing() {
        return workers.stream().flatMap(w -> w.missing().stream()).toList();
    }
}
