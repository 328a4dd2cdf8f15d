package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.ChunkPlan;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.runner.schedule.TimingPartitioner;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.PythonOracle;

/**
 * Work stealing with real processes: a fed worker in python that speaks the feed's cancel protocol
 * (it announces {@code testr4j.feed: cancel}, stops its batch after the test in progress on {@code
 * !cancel} and answers with {@code testr4j.unstarted}), as a worker in any language can.
 */
class StealingIT {
    @Test
    void anIdleWorkerTakesHalfOfABusyWorkersClassAndEveryTestRunsOnce(@TempDir Path dir) throws Exception {
        FakeSuite.Recording sink = runHeavyAndLight(dir, Schedule.DEFAULT_STARTUP_TIMEOUT, "");

        assertThat(heavyWorkers(sink)).as("the heavy class ran on both workers").hasSize(2);
        assertThat(sink.events)
                .as("the feed's own messages stay out of the run")
                .noneMatch(e -> e.fileName() != null && e.fileName().startsWith("testr4j."));
    }

    @Test
    void aClassFoundHeavyWhileTheOtherWorkerIsStillBusyIsScatteredAcrossBoth(@TempDir Path dir) throws Exception {
        // Heavy: six 2.5 s tests (15 s), taken first by one worker; 60 light tests of 0.2 s (12 s, more
        // under load) keep the other busy until the heavy class's last test is under way, so only
        // splitting the class while it runs puts it on both. Long sleeps: a loaded machine's
        // per-test overhead must not make the light tests look as long as the heavy ones.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add("Heavy.t" + i + "_2.5");
        }
        for (int i = 0; i < 60; i++) {
            ids.add("Light" + i + ".t_0.2");
        }

        FakeSuite.Recording sink = run(dir, ids, Schedule.DEFAULT_STARTUP_TIMEOUT, "");

        assertThat(heavyWorkers(sink)).as("the heavy class ran on both workers").hasSize(2);
    }

    @Test
    void aWorkerThatAnswersACancelAtOnceHandsItsClassOnBeforeItsTestInProgressEnds(@TempDir Path dir) throws Exception {
        // answering a cancel that comes while a test runs at once, as the JUnit worker does when it
        // runs one test at a time. Heavy.t0 runs 5 s; found heavy after a second, its class is scattered: Heavy.t1 goes
        // to the
        // other worker as soon as that one's few light tests end, long before Heavy.t0 does.
        List<String> ids = new ArrayList<>(List.of("Heavy.t0_5", "Heavy.t1_0.5"));
        for (int i = 0; i < 30; i++) {
            ids.add("Light" + i + ".t_0.1");
        }

        FakeSuite.Recording sink = run(dir, ids, Schedule.DEFAULT_STARTUP_TIMEOUT, "--answer-at-once");

        List<String> order = sink.events.stream()
                .filter(e -> e.testId() != null && e.testId().startsWith("Heavy"))
                .map(e -> e.testId() + " " + e.status().wireName())
                .collect(Collectors.toList());
        assertThat(order.indexOf("Heavy.t1_0.5 inprogress"))
                .as(String.join("\n", order))
                .isBetween(0, order.indexOf("Heavy.t0_5 success"));
        assertThat(heavyWorkers(sink)).hasSize(2);
    }

    @Test
    void aTestAnAnswerNamesThatWasNotInTheBatchIsNotRun(@TempDir Path dir) throws Exception {
        // each early answer also names Stranger.t_0, never listed: run(...) checks that every test
        // of the run reported once and no other, and that both workers succeeded
        List<String> ids = new ArrayList<>(List.of("Heavy.t0_3", "Heavy.t1_0.3", "Heavy.t2_0.3"));
        for (int i = 0; i < 20; i++) {
            ids.add("Light" + i + ".t_0.1");
        }

        FakeSuite.Recording sink =
                run(dir, ids, Schedule.DEFAULT_STARTUP_TIMEOUT, "--answer-at-once --name-a-stranger");

        assertThat(sink.events).noneMatch(e -> "Stranger.t_0".equals(e.testId()));
    }

    @Test
    void aWorkerThatAnnouncesCancelButNeverAnswersCannotHangTheRun(@TempDir Path dir) throws Exception {
        // it says it can stop, then ignores every !cancel: its batch runs out, and the answer it
        // owes is waited for no longer than the start-up timeout
        FakeSuite.Recording sink = runHeavyAndLight(dir, java.time.Duration.ofSeconds(2), "--ignore-cancel");

        assertThat(heavyWorkers(sink)).hasSize(1);
    }

    private static FakeSuite.Recording runHeavyAndLight(Path dir, java.time.Duration startupTimeout, String flags)
            throws Exception {
        // Heavy: six 0.4 s tests handed out together (one class); Light: one short test.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add("Heavy.t" + i + "_0.4");
        }
        ids.add("Light.t0_0.05");
        return run(dir, ids, startupTimeout, flags);
    }

    /**
     * Runs {@code ids} (each sleeping the seconds after its last underscore) on two {@link
     * FedPythonWorker}s given {@code flags}, a class at a time.
     */
    private static FakeSuite.Recording run(Path dir, List<String> ids, java.time.Duration startupTimeout, String flags)
            throws Exception {
        PythonOracle.requireModules("subunit.v2");
        FedPythonWorker.writeTo(dir);
        TimingPartitioner classes = new TimingPartitioner(2, TestTimes.NONE).groupedBy(Pattern.compile("^[^.]*"));
        Schedule schedule = Schedule.shared(
                        TestQueue.shared(ids, TestTimes.NONE, classes.groupsOf(ids), ChunkPlan.fed(2)))
                .withStartupTimeout(startupTimeout);
        CommandTemplate fed = new CommandTemplate(
                        PythonOracle.PYTHON + " " + FedPythonWorker.FILE + " " + flags + " $IDOPTION",
                        "$IDFILE",
                        "",
                        null)
                .withFeedOption("--feed");
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir).run(fed, schedule, sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        SchedulingTest.assertEachReportedOnce(sink, ids);
        return sink;
    }

    private static Map<String, Set<String>> heavyWorkers(FakeSuite.Recording sink) {
        return sink.events.stream()
                .filter(e -> e.testId() != null
                        && e.testId().startsWith("Heavy")
                        && e.status().isFinal())
                .collect(
                        Collectors.groupingBy(Event::routeCode, Collectors.mapping(Event::testId, Collectors.toSet())));
    }
}
