package org.testr4j.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.RunWriter;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.TestTimes;
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
 *
 * <p>The view shows the run's progress against the tests scheduled and their recorded durations
 * ({@link RunProgress}): a status block redrawn in place on a terminal, a status line every 30 s in
 * a log. Ctrl-C or SIGTERM ({@link RunInterruption}) stops the workers, keeps what arrived as an
 * interrupted run and prints its summary; a second one exits at once.
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
     * null, and returns the exit code. The view's ETA uses {@code times}, the durations the run was
     * scheduled by; null (nothing was scheduled) reads the repository's, which then also give the
     * unlisted command's time limits as {@code scheduling} asks for them.
     */
    int execute(
            FileRepository repo,
            CommandTemplate template,
            Schedule schedule,
            SchedulingOptions scheduling,
            TestTimes times,
            RunMetadata meta)
            throws IOException, InterruptedException {
        PrintWriter err = parent.streams().err();
        List<String> scheduled = schedule == null ? null : schedule.testIds(); // before workers take them
        TestTimes known = times != null ? times : RepositoryTestTimes.of(repo);
        Display display = subunit
                ? null
                : new Display(
                        parent.streams(), name, progress(known, scheduled, schedule == null ? 1 : schedule.workers()));
        FilteredTests filtered = new FilteredTests(filterTags);
        WorkerPool pool = new WorkerPool(parent.directory().toAbsolutePath().normalize());
        RunOutcome outcome;
        StoredRun run;
        RunInterruption interruption;
        try (RunWriter writer = repo.startRun(meta)) {
            // Live: every packet reaches the run's file as it arrives, so a killed testr leaves an interrupted run.
            List<StreamResult> sinks = new ArrayList<>();
            sinks.add(PacketWriter.live(writer));
            sinks.add(subunit ? PacketWriter.live(parent.streams().out()) : display.view);
            sinks.add(filtered);
            Tee tee = new Tee(sinks);
            UntilStopped gate = new UntilStopped(tee);
            gate.startRun();
            // Stopped: what the killed workers say as they die (crash reports) is not part of the run.
            interruption = RunInterruption.install(name, err, () -> {
                gate.stop();
                if (display != null) {
                    display.view.endStatus();
                }
                pool.cancel();
            });
            try {
                if (schedule == null) {
                    outcome = pool.runUnlisted(
                            template.runAllCommand(), scheduling.timeouts(known), scheduling.startupTimeout(), gate);
                } else {
                    outcome = pool.run(template, schedule, gate);
                }
            } catch (CommandException e) {
                throw new UserException(e.getMessage());
            } finally {
                interruption.close();
                if (display != null) {
                    display.stopTicking();
                }
            }
            tee.stopRun();
            run = interruption.interrupted() ? writer.interrupt() : writer.finish();
        }
        if (!interruption.interrupted()) {
            for (WorkerOutcome w : outcome.workers()) {
                if (w.crashed()
                        && !w.explainedBy().isEmpty()
                        && !w.explainedBy().startsWith("testr4j.worker-")) {
                    err.println(name + ": worker " + w.index() + " was killed: a test ran past its time limit: see "
                            + w.explainedBy());
                } else if (w.crashed()) {
                    err.println(name + ": worker " + w.index() + " crashed ("
                            + ShellCommand.describeExit(w.exitStatus())
                            + ", " + w.missing().size() + " test(s) never reported"
                            + (w.requeued().isEmpty() ? "" : ", " + w.requeued().size() + " of them run again")
                            + ")" + (w.explainedBy().isEmpty() ? "" : ": see " + w.explainedBy()));
                }
            }
        }
        if (!outcome.notRun().isEmpty() && !interruption.interrupted()) {
            err.println(name + ": " + outcome.notRun().size() + " test(s) not run: no worker was left to run them");
        }
        int exit = run.successful() && !run.interrupted() && outcome.workersSucceeded()
                ? ExitCode.OK
                : ExitCode.TESTS_FAILED;
        PrintWriter report = display != null ? parent.out() : err;
        if (display != null) {
            report.println();
            new RunReport(report, filtered.count).show(repo, run);
        } else {
            parent.streams().out().flush();
        }
        if (interruption.interrupted()) {
            report.println(interruptedLine(repo, run, scheduled, interruption.signal()));
            exit = interruption.exitCode();
        }
        report.flush();
        return exit;
    }

    /** What the live view knows before the first event: the tests scheduled and their recorded times. */
    private static RunProgress progress(TestTimes times, List<String> scheduled, int workers) {
        if (scheduled == null) {
            return RunProgress.unscheduled(times, 1);
        }
        return RunProgress.scheduled(scheduled, times, workers);
    }

    /** {@code testr run: interrupted by SIGINT: 3 test(s) never ran; run 4 keeps the 7 that reported}. */
    private String interruptedLine(FileRepository repo, StoredRun run, List<String> scheduled, String signal)
            throws IOException {
        StringBuilder line =
                new StringBuilder(name).append(": interrupted by SIG").append(signal);
        if (scheduled != null) {
            Set<String> reached = new HashSet<>();
            for (TestOutcome o : repo.outcomes(run.id())) {
                reached.add(o.testId());
            }
            long neverRan =
                    scheduled.stream().filter(id -> !reached.contains(id)).count();
            line.append(": ").append(neverRan).append(" test(s) never ran");
        }
        long inProgress = run.counts().inProgress();
        return line.append("; run ")
                .append(run.id())
                .append(" keeps the ")
                .append(run.counts().total())
                .append(" test(s) that finished")
                .append(inProgress > 0 ? " and the " + inProgress + " cut short" : "")
                .toString();
    }

    /** Passes events on until {@link #stop()}, then drops them: a stopped run's dying workers say no more. */
    private static final class UntilStopped implements StreamResult {
        private final StreamResult downstream;
        private volatile boolean stopped;

        UntilStopped(StreamResult downstream) {
            this.downstream = downstream;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void startRun() {
            downstream.startRun();
        }

        @Override
        public void status(Event event) {
            if (!stopped) {
                downstream.status(event);
            }
        }

        @Override
        public void stopRun() {
            downstream.stopRun();
        }
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

    /** The live human view and the ticker that refreshes its status. */
    private static final class Display {
        final TraceView view;
        private final ScheduledExecutorService ticker;

        Display(StandardStreams io, String name, RunProgress progress) {
            Terminal terminal = Terminal.of(io.out(), System.getenv());
            Clock clock = Clock.systemUTC();
            TraceView.Style style =
                    new TraceView.Style(terminal.color(), terminal.attached(), true, false, 0, terminal.width());
            StatusDisplay status = terminal.attached()
                    ? new TerminalStatus(progress, new ProgressBlock(terminal.width(), terminal.color()))
                    : new PeriodicStatus(name, progress, clock.instant());
            view = new TraceView(
                    new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), false),
                    style,
                    clock,
                    progress,
                    status,
                    true); // the ticker below flushes
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "testr-run-ticker");
                t.setDaemon(true);
                return t;
            });
            long period = terminal.attached() ? TerminalStatus.MIN_INTERVAL.toMillis() : 1000;
            ticker.scheduleAtFixedRate(view::tick, period, period, TimeUnit.MILLISECONDS);
        }

        void stopTicking() {
            ticker.shutdownNow();
        }
    }
}
