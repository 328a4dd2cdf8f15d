package org.testr4j.runner.worker;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the workers of one run ended.
 *
 * @param workers every worker process, in no particular order between lanes
 * @param notRun tests no worker was left to run (every worker had crashed too often or could not
 *     start); the stream fails each with the reason
 * <pre>{@code
 * RunOutcome outcome = pool.run(template, schedule, sink);
 * if (!outcome.workersSucceeded()) { ... } // some worker crashed; the stream already says which
 * }</pre>
 */
public record RunOutcome(List<WorkerOutcome> workers, List<String> notRun) {
    public RunOutcome {
        workers = List.copyOf(workers);
        notRun = List.copyOf(notRun);
    }

    /** The outcome of {@code workers}, each of which ran what it was given. */
    public RunOutcome(List<WorkerOutcome> workers) {
        this(workers, List.of());
    }

    /** True if no worker crashed and every test ran; the tests themselves may still have failed. */
    public boolean workersSucceeded() {
        return notRun.isEmpty() && workers.stream().noneMatch(WorkerOutcome::crashed);
    }

    /** Tests given a final status, over all workers. */
    public int testsReported() {
        return workers.stream().mapToInt(w -> w.reported().size()).sum();
    }

    /** Tests no worker reported: never reported where they ran (and not run again elsewhere), or never run. */
    public List<String> testsMissing() {
        Set<String> reported = new HashSet<>();
        workers.forEach(w -> reported.addAll(w.reported()));
        Set<String> missing = new LinkedHashSet<>();
        workers.forEach(
                w -> w.missing().stream().filter(id -> !reported.contains(id)).forEach(missing::add));
        missing.addAll(notRun);
        return List.copyOf(missing);
    }
}
