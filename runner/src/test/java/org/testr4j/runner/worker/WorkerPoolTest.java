package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;

class WorkerPoolTest {
    static Partition part(int index, String... ids) {
        return new Partition(index, List.of(ids), Duration.ZERO);
    }

    @Test
    void eachWorkersEventsCarryItsIndexAsRouteCode(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "b", "c"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(suite.template(), Schedule.fixed(List.of(part(0, "a", "b"), part(1, "c"))), sink);

        assertThat(sink.events)
                .filteredOn(e -> e.status().isFinal())
                .extracting(Event::testId, Event::routeCode)
                .containsExactlyInAnyOrder(tuple("a", "0"), tuple("b", "0"), tuple("c", "1"));
        assertThat(sink.forTest("a"))
                .extracting(Event::status)
                .containsExactly(TestStatus.IN_PROGRESS, TestStatus.SUCCESS);
        assertThat(outcome.workersSucceeded()).isTrue();
        assertThat(outcome.testsReported()).isEqualTo(3);
        assertThat(outcome.workers())
                .extracting(WorkerOutcome::index, WorkerOutcome::exitStatus, WorkerOutcome::reported)
                .containsExactly(tuple(0, 0, List.of("a", "b")), tuple(1, 0, List.of("c")));
    }

    @Test
    void emptyPartitionsStartNoWorker(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a"));

        RunOutcome outcome = new WorkerPool(dir)
                .run(
                        suite.template(),
                        Schedule.fixed(List.of(part(0), part(1, "a"), part(2))),
                        new FakeSuite.Recording());

        assertThat(outcome.workers()).extracting(WorkerOutcome::index).containsExactly(1);
    }

    @Test
    void nonSubunitOutputAndStderrBecomeTheWorkersFileEvents(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("noisy1", "b", "noisy2"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(suite.template(), Schedule.fixed(List.of(part(0, "b"), part(1, "noisy1", "noisy2"))), sink);

        assertThat(sink.file("stdout", "1")).isEqualTo("not subunit\nnot subunit\n");
        assertThat(sink.file("stderr", "1")).isEqualTo("noise from noisy1\nnoise from noisy2\n");
        assertThat(sink.file("stdout", "0") + sink.file("stderr", "0")).isEmpty();
        assertThat(outcome.workersSucceeded()).isTrue();
        assertThat(outcome.testsReported()).isEqualTo(3);
    }

    @Test
    void nestedRouteCodesKeepTheirPathBehindTheWorkersIndex(@TempDir Path dir) throws Exception {
        FakeSuite.write(
                dir.resolve("routed.subunit"),
                Event.test("x").status(TestStatus.SUCCESS).routeCode("3").build());
        var sink = new FakeSuite.Recording();

        new WorkerPool(dir)
                .run(
                        new CommandTemplate("cat routed.subunit", "", "", null),
                        Schedule.fixed(List.of(part(0), part(1, "x"))),
                        sink);

        assertThat(sink.forTest("x")).extracting(Event::routeCode).containsExactly("1/3");
    }

    @Test
    void aWorkerExitingNonZeroIsAFailureEvenWhenEveryTestReported(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a"));
        var sink = new FakeSuite.Recording();
        var template = new CommandTemplate("sh run.sh $IDFILE; echo 'boom' >&2; exit 3", "", "", null);

        RunOutcome outcome = new WorkerPool(dir).run(template, Schedule.fixed(List.of(part(0, "a"))), sink);

        assertThat(outcome.workersSucceeded()).isFalse();
        assertThat(outcome.workers().get(0).exitStatus()).isEqualTo(3);
        Event failure = sink.forTest("testr4j.worker-0").get(0);
        assertThat(failure.status()).isEqualTo(TestStatus.FAIL);
        assertThat(failure.routeCode()).isEqualTo("0");
        assertThat(text(failure))
                .startsWith("worker 0 (route code 0) ended with exit status 3.\ncommand: sh run.sh /")
                .contains("0 of its 1 tests never reported.\nstderr ended with:\nboom\n");
        assertThat(sink.forTest("a")).extracting(Event::status).endsWith(TestStatus.SUCCESS);
    }

    @Test
    void testsAWorkerExitingZeroNeverReportedAreNamedAndNotRunAgain(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "b", "c"));
        var sink = new FakeSuite.Recording();
        var template = new CommandTemplate("head -n 1 $IDFILE > first && sh run.sh first", "", "", null);

        RunOutcome outcome = new WorkerPool(dir).run(template, Schedule.fixed(List.of(part(0, "a", "b", "c"))), sink);

        assertThat(outcome.workers().get(0).missing()).containsExactly("b", "c");
        assertThat(outcome.workers().get(0).requeued()).isEmpty(); // it chose not to run them: it would again
        assertThat(outcome.workers()).hasSize(1);
        assertThat(outcome.testsMissing()).containsExactly("b", "c");
        assertThat(outcome.workersSucceeded()).isFalse();
        assertThat(text(sink.forTest("testr4j.worker-0").get(0)))
                .contains("ended with exit status 0.\n")
                .contains("2 of its 3 tests never reported:\n  b\n  c\nstderr was empty.\n");
    }

    @Test
    void aWorkerKilledMidRunFailsItsTestByNameAndTheOtherWorkerKeepsItsResults(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "kill_me", "after", "b1", "b2", "fail_b3"));
        var sink = new FakeSuite.Recording();
        var summary = new Summary();

        RunOutcome outcome = new WorkerPool(dir)
                .run(
                        suite.template(),
                        Schedule.fixed(List.of(part(0, "a", "kill_me", "after"), part(1, "b1", "b2", "fail_b3"))),
                        e -> {
                            sink.status(e);
                            summary.status(e);
                        });

        WorkerOutcome killed = outcome.workers().get(0);
        assertThat(killed.exitStatus()).isEqualTo(137);
        assertThat(killed.reported()).containsExactly("a");
        assertThat(killed.interrupted()).containsExactly("kill_me");
        assertThat(killed.missing()).containsExactly("kill_me", "after");
        assertThat(killed.requeued()).containsExactly("after");
        WorkerOutcome fresh = outcome.workers().get(1); // its replacement, on the same lane
        assertThat(fresh.index()).isZero();
        assertThat(fresh.reported()).containsExactly("after");
        assertThat(fresh.crashed()).isFalse();
        assertThat(outcome.workers().get(2).crashed()).isFalse();
        assertThat(outcome.workers().get(2).reported()).containsExactly("b1", "b2", "fail_b3");
        assertThat(outcome.testsMissing()).containsExactly("kill_me");

        assertThat(sink.forTest("kill_me"))
                .extracting(Event::status, Event::routeCode)
                .containsExactly(tuple(TestStatus.IN_PROGRESS, "0"), tuple(TestStatus.FAIL, "0"));
        assertThat(text(sink.forTest("kill_me").get(1)))
                .isEqualTo("worker 0 ended (exit status 137 (killed by signal 9)) while this test was running; see"
                        + " testr4j.worker-0\n");
        assertThat(text(sink.forTest("testr4j.worker-0").get(0)))
                .startsWith("worker 0 (route code 0) ended with exit status 137 (killed by signal 9) while running"
                        + " kill_me.\n")
                .contains("2 of its 3 tests never reported:\n  kill_me\n  after\n"
                        + "1 never started, put back in the queue for a fresh worker:\n  after\n")
                .contains("stderr ended with:\nabout to die in kill_me\n"); // then sh's own "Killed"
        assertThat(sink.forTest("after"))
                .extracting(Event::status, Event::routeCode)
                .containsExactly(tuple(TestStatus.IN_PROGRESS, "0"), tuple(TestStatus.SUCCESS, "0"));
        assertThat(summary.count(TestStatus.SUCCESS)).isEqualTo(4); // a, b1, b2 and after, on the fresh worker
        assertThat(summary.count(TestStatus.FAIL)).isEqualTo(3); // fail_b3, kill_me, the worker
        assertThat(summary.wasSuccessful()).isFalse();
    }

    @Test
    void anUnlistedRunLetsTheCommandChooseItsTests(@TempDir Path dir) throws Exception {
        new FakeSuite(dir, List.of("a", "b"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .runUnlisted(
                        "printf 'a\\nb\\n' > all && sh run.sh all",
                        TestTimeouts.none(),
                        Schedule.DEFAULT_STARTUP_TIMEOUT,
                        sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        assertThat(outcome.workers().get(0).reported()).containsExactly("a", "b");
        assertThat(outcome.workers().get(0).missing()).isEmpty();
    }

    @Test
    void anUnlistedRunIsHeldToItsTimeLimitsAndSaysTheRestDidNotRun(@TempDir Path dir) throws Exception {
        new FakeSuite(dir, List.of("a", "hang_b", "c"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .runUnlisted(
                        "printf 'a\\nhang_b\\nc\\n' > all && sh run.sh all",
                        TestTimeouts.every(Duration.ofMillis(300)),
                        Schedule.DEFAULT_STARTUP_TIMEOUT,
                        sink);

        assertThat(outcome.workersSucceeded()).isFalse();
        assertThat(outcome.workers().get(0).explainedBy()).isEqualTo("hang_b");
        Event timedOut = sink.forTest("hang_b").get(1);
        assertThat(timedOut.status()).isEqualTo(TestStatus.FAIL);
        assertThat(text(timedOut))
                .startsWith("timed out after 0.3 s on worker 0: the worker and its child processes were killed."
                        + " It chose its own tests, so those it had not run yet did not run");
        assertThat(sink.forTest("c")).isEmpty();
    }

    @Test
    void isolatedRunsEachTestInItsOwnProcessKeepingItsLanesRouteCodeAndOrder(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("a", "b", "c"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome = new WorkerPool(dir)
                .run(suite.template(), Schedule.isolated(List.of(part(0, "b", "a"), part(1, "c"))), sink);

        assertThat(outcome.workersSucceeded()).isTrue();
        assertThat(outcome.workers())
                .extracting(WorkerOutcome::index, WorkerOutcome::reported)
                .containsExactlyInAnyOrder(tuple(0, List.of("b")), tuple(0, List.of("a")), tuple(1, List.of("c")));
        assertThat(outcome.workers()).extracting(WorkerOutcome::command).doesNotHaveDuplicates();
        assertThat(sink.events)
                .filteredOn(e -> e.status().isFinal() && "0".equals(e.routeCode()))
                .extracting(Event::testId)
                .containsExactly("b", "a");
    }

    @Test
    void anIsolatedTestThatKillsItsProcessFailsAloneAndItsLaneGoesOn(@TempDir Path dir) throws Exception {
        FakeSuite suite = new FakeSuite(dir, List.of("kill.me", "b"));
        var sink = new FakeSuite.Recording();

        RunOutcome outcome =
                new WorkerPool(dir).run(suite.template(), Schedule.isolated(List.of(part(0, "kill.me", "b"))), sink);

        assertThat(outcome.workersSucceeded()).isFalse();
        assertThat(outcome.workers())
                .extracting(WorkerOutcome::exitStatus, WorkerOutcome::reported)
                .containsExactly(tuple(137, List.of()), tuple(0, List.of("b")));
        Summary summary = new Summary();
        sink.events.forEach(summary::status);
        summary.stopRun();
        assertThat(summary.failures()).isEqualTo(2); // kill.me and testr4j.worker-0
        assertThat(summary.count(TestStatus.SUCCESS)).isEqualTo(1);
    }

    static String text(Event e) {
        return new String(e.fileBytes().toByteArray(), StandardCharsets.UTF_8);
    }
}
