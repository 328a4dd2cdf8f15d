package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.RoutePrefixer;
import org.testr4j.subunit.v2.PacketReader;

/**
 * One worker: a test command process whose output becomes events under the worker's route code.
 *
 * <p>Its stdout is read as subunit v2; bytes there that are not subunit, and everything on its
 * stderr, go downstream as its {@code stdout} and {@code stderr} file events. When it has ended,
 * a worker that exited non-zero or left tests unreported is turned into failures: the tests it was
 * running fail by name, and the test {@code testr4j.worker-N} fails with the exit status, the tests
 * that never reported and the end of its stderr.
 */
final class WorkerProcess {
    /** Prefix of the synthetic test that reports a crashed worker: {@code testr4j.worker-0}. */
    static final String CRASH_TEST_PREFIX = "testr4j.worker-";

    private static final int STDERR_TAIL = 4 * 1024;
    private static final int MAX_LISTED = 100;
    private static final String TEXT = "text/plain;charset=utf8";

    private final int index;
    private final String route;
    private final List<String> assigned; // empty when the command chooses its own tests
    private final boolean knowsItsTests;
    private final ShellCommand command;
    private final StreamResult downstream;
    private final StreamResult routed;
    // written by the stdout thread only, read after it has finished
    private final Set<String> reported = new LinkedHashSet<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    // written by the stderr thread only, read after it has finished
    private final OutputTail stderrTail = new OutputTail(STDERR_TAIL);
    private Process process;

    WorkerProcess(
            int index, List<String> assigned, boolean knowsItsTests, ShellCommand command, StreamResult downstream) {
        this.index = index;
        this.route = Integer.toString(index);
        this.assigned = List.copyOf(assigned);
        this.knowsItsTests = knowsItsTests;
        this.command = command;
        this.downstream = downstream;
        this.routed = new RoutePrefixer(route, downstream);
    }

    void start() throws CommandException {
        process = command.start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process and everything it started: the shell's test runner, and that runner's children. */
    void kill() {
        if (process != null) {
            // the tree first: once its parent is dead, a child no longer counts as a descendant
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Reads stdout to its end, passing every event on under this worker's route code. */
    Void readStdout() throws IOException {
        try (PacketReader reader = PacketReader.lenient(process.getInputStream(), "stdout")) {
            reader.readAll(this::fromStdout);
        }
        return null;
    }

    private void fromStdout(Event event) {
        String id = event.testId();
        if (id != null) {
            if (event.status() == TestStatus.IN_PROGRESS) {
                inProgress.add(id);
            } else if (event.status().isFinal()) {
                inProgress.remove(id);
                reported.add(id);
            }
        }
        routed.status(event);
    }

    /** Reads stderr to its end, passing each chunk on as this worker's {@code stderr} file event. */
    Void readStderr() throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = process.getErrorStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (n > 0) {
                    stderrTail.append(buf, 0, n);
                    downstream.status(Event.builder()
                            .file("stderr", Bytes.of(buf, 0, n))
                            .routeCode(route)
                            .build());
                }
            }
        }
        return null;
    }

    /** Waits for the process to exit (after both readers have finished) and reports a crash. */
    WorkerOutcome finish() throws InterruptedException {
        int status = process.waitFor();
        List<String> missing = new ArrayList<>();
        if (knowsItsTests) {
            for (String id : assigned) {
                if (!reported.contains(id)) {
                    missing.add(id);
                }
            }
        }
        WorkerOutcome outcome = new WorkerOutcome(
                index, command.command(), status, new ArrayList<>(reported), missing, new ArrayList<>(inProgress));
        if (outcome.crashed()) {
            reportCrash(outcome);
        }
        return outcome;
    }

    private void reportCrash(WorkerOutcome outcome) {
        Instant now = Instant.now();
        String exit = ShellCommand.describeExit(outcome.exitStatus());
        for (String id : outcome.interrupted()) {
            downstream.status(Event.test(id)
                    .status(TestStatus.FAIL)
                    .routeCode(route)
                    .timestamp(now)
                    .file(
                            "traceback",
                            Bytes.utf8("worker " + index + " ended (" + exit + ") while this test was running; see "
                                    + CRASH_TEST_PREFIX + index + "\n"))
                    .mimeType(TEXT)
                    .eof(true)
                    .build());
        }
        downstream.status(Event.test(CRASH_TEST_PREFIX + index)
                .status(TestStatus.FAIL)
                .routeCode(route)
                .timestamp(now)
                .file("traceback", Bytes.utf8(describe(outcome, exit)))
                .mimeType(TEXT)
                .eof(true)
                .build());
    }

    private String describe(WorkerOutcome outcome, String exit) {
        StringBuilder b = new StringBuilder("worker ")
                .append(index)
                .append(" (route code ")
                .append(route);
        b.append(") ended with ").append(exit);
        if (!outcome.interrupted().isEmpty()) {
            b.append(" while running ").append(String.join(", ", outcome.interrupted()));
        }
        b.append(".\ncommand: ").append(outcome.command()).append('\n');
        if (knowsItsTests) {
            b.append(outcome.missing().size())
                    .append(" of its ")
                    .append(assigned.size())
                    .append(" tests never reported");
            b.append(outcome.missing().isEmpty() ? ".\n" : ":\n");
            outcome.missing().stream()
                    .limit(MAX_LISTED)
                    .forEach(id -> b.append("  ").append(id).append('\n'));
            if (outcome.missing().size() > MAX_LISTED) {
                b.append("  … and ")
                        .append(outcome.missing().size() - MAX_LISTED)
                        .append(" more\n");
            }
        }
        String err = stderrTail.text();
        if (err.isEmpty()) {
            b.append("stderr was empty.\n");
        } else {
            b.append("stderr ended with:\n").append(err);
            if (!err.endsWith("\n")) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "worker " + index + ": " + command.command() + " in " + command.directory();
    }
}
