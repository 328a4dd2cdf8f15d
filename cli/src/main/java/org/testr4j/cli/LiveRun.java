package org.testr4j.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.RunWriter;
import org.testr4j.repository.StoredRun;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.worker.CommandException;
import org.testr4j.runner.worker.RunOutcome;
import org.testr4j.runner.worker.Schedule;
import org.testr4j.runner.worker.ShellCommand;
import org.testr4j.runner.worker.WorkerOutcome;
import org.testr4j.runner.worker.WorkerPool;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Tee;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * Runs the workers of one run and stores their combined stream live as a new run, showing each
 * test as it ends (or writing the stream with {@code --subunit}), then the failures and summary:
 * what {@code testr run} and {@code testr rerun} share once they know which tests each worker runs.
 */
final class LiveRun {
    private final TestrCommand parent;
    private final String name;
    private final boolean subunit;
    private final Set<String> filterTags;

    /**
     * @param parent the {@code testr} command, for the directory and streams
     * @param name the command's name, {@code testr run}, in front of its messages
     * @param subunit write the v2 stream to stdout instead of the human view
     */
    LiveRun(TestrCommand parent, String name, boolean subunit, Set<String> filterTags) {
        this.parent = parent;
        this.name = name;
        this.subunit = subunit;
        this.filterTags = Set.copyOf(filterTags);
    }

    /**
     * Runs {@code schedule}, or the command once choosing its own tests when {@code schedule} is
     * null, and returns the exit code.
     */
    int execute(FileRepository repo, CommandTemplate template, Schedule schedule, RunMetadata meta)
            throws IOException, InterruptedException {
        PrintWriter err = parent.streams().err();
        Display display = subunit ? null : new Display(parent.streams());
        FilteredTests filtered = new FilteredTests(filterTags);
        RunOutcome outcome;
        StoredRun run;
        try (RunWriter writer = repo.startRun(meta)) {
            // Live: every packet reaches the run's file as it arrives, so a killed testr leaves an interrupted run.
            List<StreamResult> sinks = new ArrayList<>();
            sinks.add(PacketWriter.live(writer));
            sinks.add(subunit ? PacketWriter.live(parent.streams().out()) : display.view);
            sinks.add(filtered);
            Tee tee = new Tee(sinks);
            tee.startRun();
            try {
                WorkerPool pool =
                        new WorkerPool(parent.directory().toAbsolutePath().normalize());
                if (schedule == null) {
                    outcome = pool.runUnlisted(template.runAllCommand(), tee);
                } else {
                    outcome = pool.run(template, schedule, tee);
                }
            } catch (CommandException e) {
                throw new UserException(e.getMessage());
            } finally {
                if (display != null) {
                    display.stopTicking();
                }
            }
            tee.stopRun();
            run = writer.finish();
        }
        for (WorkerOutcome w : outcome.workers()) {
            if (w.crashed() && !w.explainedBy().isEmpty() && !w.explainedBy().startsWith("testr4j.worker-")) {
                err.println(name + ": worker " + w.index() + " was killed: a test ran past its time limit: see "
                        + w.explainedBy());
            } else if (w.crashed()) {
                err.println(name + ": worker " + w.index() + " crashed (" + ShellCommand.describeExit(w.exitStatus())
                        + ", " + w.missing().size() + " test(s) never reported"
                        + (w.requeued().isEmpty() ? "" : ", " + w.requeued().size() + " of them run again")
                        + ")" + (w.explainedBy().isEmpty() ? "" : ": see " + w.explainedBy()));
            }
        }
        if (!outcome.notRun().isEmpty()) {
            err.println(name + ": " + outcome.notRun().size() + " test(s) not run: no worker was left to run them");
        }
        int exit = run.successful() && !run.interrupted() && outcome.workersSucceeded()
                ? ExitCode.OK
                : ExitCode.TESTS_FAILED;
        if (display != null) {
            PrintWriter out = parent.out();
            out.println();
            new RunReport(out, filtered.count).show(repo, run);
            out.flush();
        } else {
            parent.streams().out().flush();
        }
        return exit;
    }

    /**
     * Counts what testrepository's {@code filter_tags} leaves out of "Ran N tests": tests that did
     * not fail and carry one of the tags (Zope layers and the like). Failures still count. The
     * stored stream keeps everything.
     */
    private static final class FilteredTests implements StreamResult {
        private static final Set<TestStatus> FILTERABLE =
                Set.of(TestStatus.SUCCESS, TestStatus.UNEXPECTED_SUCCESS, TestStatus.EXPECTED_FAIL, TestStatus.SKIP);
        private final Set<String> tags;
        private long count;

        FilteredTests(Set<String> tags) {
            this.tags = tags;
        }

        @Override
        public void status(Event event) {
            if (!tags.isEmpty()
                    && event.testId() != null
                    && FILTERABLE.contains(event.status())
                    && !Collections.disjoint(event.tags(), tags)) {
                count++;
            }
        }
    }

    /** The live human view and the ticker that redraws its status line. */
    private static final class Display {
        final TraceView view;
        private final ScheduledExecutorService ticker;

        Display(StandardStreams io) {
            boolean terminal = System.console() != null && io.out() instanceof java.io.FileOutputStream;
            TraceView.Style style =
                    new TraceView.Style(terminal && System.getenv("NO_COLOR") == null, terminal, false, false, 0);
            view = new TraceView(
                    new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), false),
                    style,
                    Clock.systemUTC());
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "testr-run-ticker");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(view::tick, 1, 1, TimeUnit.SECONDS);
        }

        void stopTicking() {
            ticker.shutdownNow();
        }
    }
}
