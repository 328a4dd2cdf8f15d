package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.ChunkPlan;
import org.testr4j.runner.schedule.TestQueue;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

/** Shared queues, fed workers and every kind of worker fault, with the shell {@link FakeSuite}. */
class SchedulingTest {
    private static final List<String> TEN = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");

    static Schedule shared(List<String> ids, ChunkPlan plan) {
        return Schedule.shared(TestQueue.shared(ids, TestTimes.NONE, UnaryOperator.identity(), plan));
    }

    static void assertEachReportedOnce(FakeSuite.Recording sink, List<String> ids) {
        assertThat(sink.events)
                .filteredOn(e -> e.testId() != null && e.status().isFinal())
                .extracting(Event::testId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void chunkedWorkersShareOneQueueAndEveryTestRunsOnceWithATimestamp(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, TEN);
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir).run(suite.template(), shared(TEN, ChunkPlan.chunked(2)), sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        assertEachReportedOnce(sink, TEN);
        assertThat(outcome.workers()).extracting(WorkerOutcome::index).containsOnly(0, 1);
        assertThat(outcome.workers().size()).isGreaterThan(2); // several chunks per worker
        assertThat(sink.events).allMatch(e -> e.timestamp() != null);
    }

    @Test
    void aFedWorkerStartsOnceAndTakesBatchesUntilTheQueueIsEmpty(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, TEN);
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir).run(suite.fedTemplate(), shared(TEN, ChunkPlan.fed(2)), sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        assertEachReportedOnce(sink, TEN);
        assertThat(outcome.workers())
                .extracting(WorkerOutcome::index, WorkerOutcome::command)
                .containsExactlyInAnyOrder(tuple(0, "sh run.sh --feed"), tuple(1, "sh run.sh --feed"));
        assertThat(outcome.testsReported()).isEqualTo(10);
    }

    @Test
    void aFedWorkerKilledMidBatchIsReplacedAndItsUnstartedTestsRunElsewhere(@TempDir Path dir) throws Exception {
        List<String> ids = List.of("a", "kill_me", "b", "c");
        FakeSuite suite = new FakeSuite(dir, ids);
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(
                        suite.fedTemplate(),
                        Schedule.fixed(List.of(WorkerPoolTest.part(0, "a", "kill_me", "b", "c"))),
                        sink);

        assertThat(outcome.workers())
                .extracting(WorkerOutcome::exitStatus, WorkerOutcome::reported, WorkerOutcome::requeued)
                .containsExactly(tuple(137, List.of("a"), List.of("b", "c")), tuple(0, List.of("b", "c"), List.of()));
        assertThat(sink.forTest("kill_me")).extracting(Event::status).endsWith(TestStatus.FAIL);
        assertThat(WorkerPoolTest.text(sink.forTest("testr4j.worker-0").get(0)))
                .contains("ended with exit status 137 (killed by signal 9) while running kill_me.")
                .contains("about to die in kill_me");
        assertThat(sink.events)
                .filteredOn(e -> e.status() == TestStatus.SUCCESS)
                .extracting(Event::testId)
                .containsExactly("a", "b", "c");
    }

    @Test
    void aTestPastItsTimeoutFailsWithItsOutputAndAFreshWorkerRunsTheRest(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "hang_b", "c"));
        var sink = new FakeSuite.Recording();
        Schedule schedule = Schedule.fixed(List.of(WorkerPoolTest.part(0, "a", "hang_b", "c")))
                .withTimeouts(TestTimeouts.every(Duration.ofMillis(300)));

        RunOutcome outcome = new WorkerPool(dir).run(suite.template(), schedule, sink);

        Event timedOut = sink.forTest("hang_b").get(1);
        assertThat(timedOut.status()).isEqualTo(TestStatus.FAIL);
        assertThat(timedOut.routeCode()).isEqualTo("0");
        assertThat(WorkerPoolTest.text(timedOut))
                .startsWith("timed out after 0.3 s on worker 0: the worker and its child processes were killed")
                .contains("1 test(s) it had not started were put back in the queue.")
                .contains("the worker's stdout (not subunit) ended with:\nhanging in hang_b\n")
                .contains("the worker's stderr ended with:\nstuck in hang_b\n");
        assertThat(sink.forTest("c")).extracting(Event::status).endsWith(TestStatus.SUCCESS);
        assertThat(outcome.workers())
                .extracting(WorkerOutcome::reported, WorkerOutcome::interrupted, WorkerOutcome::explainedBy)
                .containsExactly(tuple(List.of("a"), List.of("hang_b"), "hang_b"), tuple(List.of("c"), List.of(), ""));
        assertThat(sink.forTest("testr4j.worker-0")).isEmpty(); // the timeout explains itself
    }

    @Test
    void aWorkerThatExitsMidBatchFailsItsTestAndTheRestRunOnAFreshOne(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "exit_b", "c", "d"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(suite.template(), shared(List.of("a", "exit_b", "c", "d"), ChunkPlan.wholeList()), sink);

        assertThat(sink.forTest("exit_b")).extracting(Event::status).endsWith(TestStatus.FAIL);
        assertThat(WorkerPoolTest.text(sink.forTest("testr4j.worker-0").get(0)))
                .contains("ended with exit status 3 while running exit_b.")
                .contains("2 of its 4 tests never reported:\n  exit_b\n  d\n") // dealt as a, c, exit_b, d
                .contains("1 never started, put back in the queue for a fresh worker:\n  d\n")
                .contains("exiting in exit_b");
        assertThat(sink.events)
                .filteredOn(e -> e.status() == TestStatus.SUCCESS)
                .extracting(Event::testId)
                .containsExactly("a", "c", "d");
        assertThat(outcome.testsMissing()).containsExactly("exit_b");
    }

    @Test
    void aWorkerThatExitsAtOnceWithNothingIsRetried(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "b"));
        var sink = new FakeSuite.Recording();
        // only the very first start fails
        var template = new CommandTemplate(
                "if mkdir tried 2>/dev/null; then echo 'no luck' >&2; exit 5; fi; sh run.sh $IDFILE", "", "", null);

        RunOutcome outcome =
                new WorkerPool(dir).run(template, Schedule.fixed(List.of(WorkerPoolTest.part(0, "a", "b"))), sink);

        assertThat(outcome.workers())
                .extracting(WorkerOutcome::exitStatus, WorkerOutcome::reported)
                .containsExactly(tuple(5, List.of()), tuple(0, List.of("a", "b")));
        assertEachReportedOnce(sink, List.of("a", "b"));
    }

    @Test
    void aCommandThatCannotStartIsOneClearError(@TempDir Path dir) throws Exception {
        new FakeSuite(dir, List.of("a", "b"));
        var template = new CommandTemplate("no-such-test-runner $IDFILE", "", "", null);

        assertThatThrownBy(() -> new WorkerPool(dir)
                        .run(template, shared(List.of("a", "b"), ChunkPlan.chunked(2)), new FakeSuite.Recording()))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("no worker could start, so no test ran.\nworker ")
                .hasMessageContaining("could not start: 3 attempts in a row sent no event.")
                .hasMessageContaining("`no-such-test-runner /")
                .hasMessageContaining("ended with exit status 127 before sending anything")
                .hasMessageContaining("stderr ended with:\n")
                .hasMessageContaining("not found");
    }

    @Test
    void aWorkerSilentPastTheStartupTimeoutIsKilledAndRetried(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a"));
        var sink = new FakeSuite.Recording();
        var template = new CommandTemplate(
                "if mkdir tried 2>/dev/null; then exec sleep 600; fi; sh run.sh $IDFILE", "", "", null);
        Schedule schedule =
                Schedule.fixed(List.of(WorkerPoolTest.part(0, "a"))).withStartupTimeout(Duration.ofMillis(300));

        RunOutcome outcome = new WorkerPool(dir).run(template, schedule, sink);

        assertThat(outcome.workers()).extracting(WorkerOutcome::exitStatus).containsExactly(137, 0);
        assertEachReportedOnce(sink, List.of("a"));
    }

    @Test
    void aLaneThatCrashesTooOftenStopsAndWhatNoWorkerIsLeftToRunFailsWithTheReason(@TempDir Path dir) throws Exception {
        List<String> ids = List.of("kill1", "kill2", "kill3", "kill4", "kill5", "a");
        FakeSuite suite = new FakeSuite(dir, ids);
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(
                        suite.template(),
                        Schedule.fixed(List.of(WorkerPoolTest.part(0, ids.toArray(String[]::new)))),
                        sink);

        assertThat(outcome.workers()).hasSize(4); // the first process and three restarts
        assertThat(outcome.notRun()).containsExactly("kill5", "a");
        assertThat(WorkerPoolTest.text(sink.forTest("a").get(0)))
                .isEqualTo("not run: no worker was left to run it: worker 0 was not restarted again after 4 crashes or"
                        + " timeouts (at most 3 restarts per worker)\n");
        assertThat(outcome.workersSucceeded()).isFalse();
    }
}
