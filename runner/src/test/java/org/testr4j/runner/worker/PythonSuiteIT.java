package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.config.TestrConf;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.runner.schedule.TimingPartitioner;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;
import org.testr4j.subunit.v2.PacketReader;

/**
 * The runner core against a real Python project made by {@code ../shared/bench/gen_pysuite.py},
 * run through its own {@code .testr.conf} ({@code python3 -m subunit.run discover}) at concurrency 2,
 * and compared with what {@code stestr run} reports on the same project.
 */
class PythonSuiteIT {
    @TempDir
    Path dir;

    private Path stestr;

    @BeforeEach
    void generateSuite() throws Exception {
        PythonOracle.requireModules("subunit.run", "stestr");
        stestr = PythonOracle.command("stestr");
        PythonOracle.output(
                dir,
                null,
                List.of(
                        PythonOracle.PYTHON,
                        PythonOracle.benchScript("gen_pysuite.py").toString(),
                        "trivial",
                        "40",
                        "4",
                        dir.toString()));
    }

    @Test
    void countsMatchStestrAtConcurrencyTwo() throws Exception {
        Files.writeString(dir.resolve("bsuite/test_extra.py"), PythonOracle.pythonModule("test_extra.py"));
        TestrConf conf = TestrConf.load(dir);
        CommandTemplate template = conf.commandTemplate(List.of());

        List<String> ids = new TestLister(dir).list(template);
        TimingPartitioner partitioner = new TimingPartitioner(2, TestTimes.NONE);
        List<Partition> parts = conf.groupRegex()
                .map(partitioner::groupedBy)
                .orElse(partitioner)
                .partition(ids);
        Summary ours = new Summary();
        RunOutcome outcome = new WorkerPool(dir).run(template, Schedule.fixed(parts), ours);

        PythonOracle.Run stestrRun = PythonOracle.run(
                dir, null, dir.resolve("stestr.subunit"), stestr.toString(), "run", "--concurrency", "2", "--subunit");
        Summary theirs = new Summary();
        try (PacketReader reader = PacketReader.lenient(Files.newInputStream(dir.resolve("stestr.subunit")))) {
            reader.readAll(theirs);
        }

        assertThat(theirs.total())
                .as("stestr's stream; its stderr: %s", stestrRun.stderr())
                .isEqualTo(43);
        assertThat(ids).hasSize(43).contains("bsuite.test_mod0000.TestMod0000.test_000000");
        assertThat(outcome.workers()).hasSize(2);
        assertThat(outcome.workersSucceeded()).isTrue();
        assertThat(outcome.testsReported()).isEqualTo(43);
        for (TestStatus s : List.of(
                TestStatus.SUCCESS,
                TestStatus.FAIL,
                TestStatus.SKIP,
                TestStatus.EXPECTED_FAIL,
                TestStatus.UNEXPECTED_SUCCESS)) {
            assertThat(ours.count(s)).as("%s", s).isEqualTo(theirs.count(s));
        }
        assertThat(ours.total()).isEqualTo(theirs.total()).isEqualTo(43);
        assertThat(ours.count(TestStatus.SUCCESS)).isEqualTo(40);
        assertThat(ours.wasSuccessful()).isEqualTo(theirs.wasSuccessful()).isFalse();
    }

    @Test
    void aWorkerKilledBySigkillIsAFailureItsUnstartedTestsRunOnAFreshWorkerAndTheOtherKeepsItsResults()
            throws Exception {
        Files.writeString(dir.resolve("bsuite/test_kill.py"), PythonOracle.pythonModule("test_kill.py"));
        TestrConf conf = TestrConf.load(dir);
        CommandTemplate template = conf.commandTemplate(List.of());
        List<String> ids = new TestLister(dir).list(template);
        String killer = "bsuite.test_kill.TestKill.test_kill_my_worker";
        List<Partition> parts = new TimingPartitioner(2, TestTimes.NONE).partition(ids);
        int doomed = parts.get(0).testIds().contains(killer) ? 0 : 1;
        int survivor = 1 - doomed;
        List<String> doomedIds = parts.get(doomed).testIds();
        FakeSuite.Recording sink = new FakeSuite.Recording();
        Summary summary = new Summary();

        RunOutcome outcome = new WorkerPool(dir).run(template, Schedule.fixed(parts), e -> {
            sink.status(e);
            summary.status(e);
        });

        List<WorkerOutcome> doomedLane =
                outcome.workers().stream().filter(w -> w.index() == doomed).toList();
        WorkerOutcome dead = doomedLane.get(0);
        WorkerOutcome alive = outcome.workers().stream()
                .filter(w -> w.index() == survivor)
                .findFirst()
                .orElseThrow();
        assertThat(dead.exitStatus()).isEqualTo(137);
        assertThat(dead.interrupted()).containsExactly(killer);
        List<String> neverRun = doomedIds.subList(doomedIds.indexOf(killer), doomedIds.size());
        assertThat(dead.missing()).isEqualTo(neverRun);
        assertThat(dead.reported()).isEqualTo(doomedIds.subList(0, doomedIds.indexOf(killer)));
        List<String> unstarted = neverRun.subList(1, neverRun.size());
        assertThat(dead.requeued()).isEqualTo(unstarted);
        assertThat(doomedLane).hasSize(2); // a fresh worker on the same lane ran the rest
        assertThat(doomedLane.get(1).reported()).containsExactlyInAnyOrderElementsOf(unstarted);
        assertThat(doomedLane.get(1).crashed()).isFalse();
        assertThat(alive.crashed()).isFalse();
        assertThat(alive.reported()).isEqualTo(parts.get(survivor).testIds());

        // subunit.run --load-list first says each loaded test exists
        assertThat(sink.forTest(killer))
                .extracting(Event::status)
                .containsExactly(TestStatus.EXISTS, TestStatus.IN_PROGRESS, TestStatus.FAIL);
        String report =
                WorkerPoolTest.text(sink.forTest("testr4j.worker-" + doomed).get(0));
        assertThat(report)
                .startsWith("worker " + doomed + " (route code " + doomed
                        + ") ended with exit status 137 (killed by signal" + " 9) while running " + killer + ".\n")
                .contains(
                        neverRun.size() + " of its " + doomedIds.size() + " tests never reported:\n  " + killer + "\n")
                .contains("stderr ended with:\n")
                .contains("killing worker ");
        assertThat(summary.count(TestStatus.SUCCESS)).isEqualTo(ids.size() - 1); // all but the killer
        assertThat(summary.failures()).isEqualTo(2);
        assertThat(summary.wasSuccessful()).isFalse();
        assertThat(outcome.workersSucceeded()).isFalse();
    }
}
