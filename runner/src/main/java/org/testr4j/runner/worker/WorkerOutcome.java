package org.testr4j.runner.worker;

import java.util.List;
import java.util.Objects;

/**
 * How one worker process ended.
 *
 * @param index the worker's index, its route code in the run's stream (shared by all the processes
 *     of one worker lane)
 * @param command the shell command it ran
 * @param exitStatus its exit status ({@code 128 + n} when killed by signal {@code n})
 * @param reported the tests it gave a final status, in the order it reported them
 * @param missing the tests it was given but never reported, in the order it was given them
 * @param interrupted the tests it had started but not finished when it ended
 * @param requeued the tests of {@code missing} it never started, put back in the queue for another
 *     process
 * @param explainedBy the test in the stream that says what went wrong ({@code testr4j.worker-0},
 *     or the test that timed out), empty when nothing did
 */
public record WorkerOutcome(
        int index,
        String command,
        int exitStatus,
        List<String> reported,
        List<String> missing,
        List<String> interrupted,
        List<String> requeued,
        String explainedBy) {
    public WorkerOutcome {
        Objects.requireNonNull(command, "command");
        reported = List.copyOf(reported);
        missing = List.copyOf(missing);
        interrupted = List.copyOf(interrupted);
        requeued = List.copyOf(requeued);
        Objects.requireNonNull(explainedBy, "explainedBy");
    }

    /** True if the worker exited non-zero or left tests unreported: its run cannot count as a success. */
    public boolean crashed() {
        return exitStatus != 0 || !missing.isEmpty() || !interrupted.isEmpty();
    }
}
