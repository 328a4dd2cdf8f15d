package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import org.testr4j.runner.worker.FedPythonWorker;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.TestStatus;

/**
 * Worker faults end to end: the real {@code bin/testr run -j 2} on a Python project made by {@code
 * ../shared/bench/gen_pysuite.py} (60 passing tests) with one more module whose test hangs, exits
 * its worker, or whose command cannot start. Each run completes, keeps every other test's result,
 * and says what went wrong.
 */
class SchedulingLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("testr4j.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String TESTR = ROOT + "/bin/testr";

    @TempDir
    Path tmp;

    private Path pythonProject(String module, String body) throws IOException {
        return RunLauncherIT.pythonProject(tmp, module, body);
    }

    private static String module(String cls, String method, String body) {
        return String.join(
                "\n",
                "import os",
                "import sys",
                "import time",
                "import unittest",
                "",
                "",
                "class " + cls + "(unittest.TestCase):",
                "    def " + method + "(self):",
                "        " + body,
                "");
    }

    private static List<TestOutcome> outcomes(Path dir, int run) throws IOException {
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            return repo.outcomes(run);
        }
    }

    /** Every test but {@code bad} (and the synthetic worker tests) passed: 60 of them. */
    private static void everyOtherTestPassed(Path dir, String bad) throws IOException {
        assertThat(outcomes(dir, 0))
                .filteredOn(o -> !o.testId().equals(bad) && !o.testId().startsWith("testr4j.worker-"))
                .extracting(TestOutcome::status)
                .hasSize(60)
                .containsOnly(TestStatus.SUCCESS);
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            StoredRun run = repo.run(0);
            assertThat(run.successful()).isFalse();
            assertThat(run.interrupted()).isFalse();
        }
    }

    @Test
    void aTestThatNeverReturnsTimesOutAndTheRunGoesOn() throws Exception {
        Path dir = pythonProject(
                "test_hang.py",
                module(
                        "TestHang",
                        "test_never_returns",
                        "print('waiting for ever'); sys.stdout.flush(); time.sleep(600)"));
        String hung = "bsuite.test_hang.TestHang.test_never_returns";

        LauncherIT.Result r = LauncherIT.sh(dir, TESTR + " run -j 2 --timeout 3");

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        everyOtherTestPassed(dir, hung);
        assertThat(outcomes(dir, 0))
                .filteredOn(o -> o.testId().equals(hung))
                .extracting(TestOutcome::status)
                .containsExactly(TestStatus.FAIL);
        assertThat(r.stdout())
                .contains("FAIL: " + hung)
                .contains("timed out after 3 s on worker ")
                .contains("waiting for ever");
        assertThat(r.stderr()).contains("see " + hung);
    }

    @Test
    void aTestThatExitsItsWorkerFailsWithTheExitStatusAndTheRestRunOnAFreshWorker() throws Exception {
        Path dir = pythonProject(
                "test_exit.py",
                module("TestExit", "test_exits", "sys.stderr.write('bye\\n'); sys.stderr.flush(); os._exit(3)"));
        String exits = "bsuite.test_exit.TestExit.test_exits";

        LauncherIT.Result r = LauncherIT.sh(dir, TESTR + " run -j 2");

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        everyOtherTestPassed(dir, exits);
        assertThat(r.stdout())
                .contains("FAIL: " + exits)
                .contains("ended with exit status 3 while running " + exits)
                .contains("bye");
        assertThat(r.stderr()).containsPattern("testr run: worker \\d crashed \\(exit status 3");
    }

    @Test
    void aWorkerCommandThatCannotStartIsOneClearError() throws Exception {
        Path dir = pythonProject("test_fine.py", module("TestFine", "test_fine", "pass"));
        // it lists its tests, but cannot run them
        Files.writeString(
                dir.resolve("run.sh"),
                "if [ \"$1\" = --list ]; then exec " + PythonOracle.PYTHON
                        + " -m subunit.run discover -t . ./bsuite --list; fi\nexec no-such-test-runner \"$@\"\n");
        Files.writeString(
                dir.resolve(".testr.conf"),
                "[DEFAULT]\ntest_command=sh run.sh $LISTOPT $IDOPTION\ntest_id_option=--load-list $IDFILE\n"
                        + "test_list_option=--list\n");

        LauncherIT.Result r = LauncherIT.sh(dir, TESTR + " run -j 2");

        assertThat(r.exitCode()).isNotZero().isNotEqualTo(1);
        assertThat(r.stderr())
                .contains("no worker could start, so no test ran.")
                .contains("could not start: 3 attempts in a row sent no event.")
                .contains("`sh run.sh  --load-list ")
                .contains("ended with exit status 127 before sending anything")
                .contains("no-such-test-runner")
                .contains("not found")
                .doesNotContain("Exception");
    }

    private static java.util.Set<String> workersOf(List<TestOutcome> outcomes, String prefix) {
        return outcomes.stream()
                .filter(o -> o.testId().startsWith(prefix))
                .map(TestOutcome::routeCode)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aClassListedAsRunningInOrderStaysOnOneWorkerWhereItWouldBeSplit() throws Exception {
        PythonOracle.requireModules("subunit.v2");
        Path dir = tmp.resolve("ordered");
        Files.createDirectories(dir);
        FedPythonWorker.writeTo(dir); // answers a cancel at once, as the JUnit worker does
        Files.writeString(
                dir.resolve(".testr.conf"),
                "[DEFAULT]\ntest_command=" + PythonOracle.PYTHON + " " + FedPythonWorker.FILE
                        + " --answer-at-once $LISTOPT $IDOPTION\n"
                        + "test_list_option=--list\ntest_id_option=--ids $IDFILE\ntest_feed_option=--feed\n"
                        + "group_regex=^[^.]*\ngroup_split=true\n");
        // Steps and Heavy: a 2.5 s first test, then three more; 30 light classes of one 0.05 s
        // test. Found heavy by its first test while the other worker is still busy, Heavy is
        // scattered across both workers; Steps, alike but marked in order, is kept whole.
        StringBuilder tests = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tests.append("*Steps.t").append(i).append(i == 0 ? "_2.5\n" : "_0.3\n");
        }
        for (int i = 0; i < 4; i++) {
            tests.append("Heavy.t").append(i).append(i == 0 ? "_2.5\n" : "_1\n");
        }
        for (int i = 0; i < 30; i++) {
            tests.append("Light").append(i).append(".t_0.05\n");
        }
        Files.writeString(dir.resolve("tests.txt"), tests.toString());

        LauncherIT.Result r = LauncherIT.sh(dir, TESTR + " run -j 2");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            List<TestOutcome> outcomes = repo.outcomes(0);
            assertThat(outcomes).hasSize(38).extracting(TestOutcome::status).containsOnly(TestStatus.SUCCESS);
            assertThat(workersOf(outcomes, "Heavy."))
                    .as("an unmarked class like it is split")
                    .hasSize(2);
            assertThat(workersOf(outcomes, "Steps."))
                    .as("the class in order ran on one worker")
                    .hasSize(1);
        }

        // a rerun from one shared queue lists the tests too, so it keeps the class whole (whether
        // it would have split it otherwise depends on timing: this walks the path, it does not prove it)
        LauncherIT.Result rerun = LauncherIT.sh(dir, TESTR + " rerun --chunking on");

        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            List<TestOutcome> outcomes = repo.outcomes(1);
            assertThat(outcomes).hasSize(38);
            assertThat(workersOf(outcomes, "Steps."))
                    .as("the rerun kept it on one worker")
                    .hasSize(1);
        }
    }
}
