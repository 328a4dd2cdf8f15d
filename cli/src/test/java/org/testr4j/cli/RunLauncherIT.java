package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;
import org.testr4j.subunit.v2.PacketReader;

/**
 * The real {@code bin/testr run} end to end: on a Python project made by {@code
 * ../shared/bench/gen_pysuite.py} (compared with {@code stestr run} on the same project), and on a
 * shell-script suite that speaks subunit through {@code bin/subunit output}.
 */
class RunLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("testr4j.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String TESTR = ROOT + "/bin/testr";

    /** A test suite in shell: every result goes out through {@code bin/subunit output}. */
    private static final String SHELL_SUITE = String.join(
            "\n",
            "#!/bin/sh",
            "S=" + ROOT + "/bin/subunit",
            "tests='sh.math.adds sh.math.subtracts sh.text.upper sh.text.fails'",
            "if [ \"$1\" = --list ]; then for t in $tests; do echo \"$t\"; done; exit 0; fi",
            "if [ \"$1\" = --load-list ]; then tests=$(cat \"$2\"); fi",
            "for t in $tests; do",
            "  $S output --inprogress \"$t\"",
            "  case \"$t\" in",
            "    *fails) echo 'expected 2, got 3' > err.$$;"
                    + " $S output --fail \"$t\" --attach-file err.$$ --file-name traceback"
                    + " --mimetype 'text/plain;charset=utf8' ;;",
            "    *kill.runner)",
            "      # wait until this test's start is in the repository's live file, then SIGKILL testr itself",
            "      until grep -q kill.runner .testr/runs/*.part 2>/dev/null; do sleep 0.05; done",
            "      p=$$",
            "      while [ \"$p\" -gt 1 ] && [ \"$(cat /proc/$p/comm)\" != java ]; do"
                    + " p=$(cut -d' ' -f4 /proc/$p/stat); done",
            "      kill -9 \"$p\"; exit 9 ;;",
            "    *) $S output --success \"$t\" ;;",
            "  esac",
            "done",
            "");

    private static final String SHELL_CONF = String.join(
            "\n",
            "[DEFAULT]",
            "test_command=sh suite.sh $LISTOPT $IDOPTION",
            "test_id_option=--load-list $IDFILE",
            "test_list_option=--list",
            "");

    @TempDir
    Path tmp;

    private Path pythonProject(String extraName, String extra) throws IOException {
        PythonOracle.requireModules("subunit.run", "stestr");
        return pythonProject(tmp, extraName, extra);
    }

    /**
     * A Python project of 60 trivial tests in 4 modules ({@code gen_pysuite.py trivial}, with its
     * {@code .testr.conf}) under {@code tmp/proj}, plus the module {@code bsuite/NAME}.
     */
    static Path pythonProject(Path tmp, String name, String body) throws IOException {
        PythonOracle.requireModules("subunit.run");
        Path dir = tmp.resolve("proj");
        PythonOracle.output(
                tmp,
                null,
                List.of(
                        PythonOracle.PYTHON,
                        PythonOracle.benchScript("gen_pysuite.py").toString(),
                        "trivial",
                        "60",
                        "4",
                        dir.toString()));
        Files.writeString(dir.resolve("bsuite/" + name), body);
        return dir;
    }

    private static LauncherIT.Result testr(Path dir, String args) throws IOException, InterruptedException {
        return LauncherIT.sh(dir, TESTR + " " + args);
    }

    private static Summary summary(InputStream in) throws IOException {
        Summary s = new Summary();
        try (PacketReader reader = PacketReader.lenient(in)) {
            reader.readAll(s);
        }
        return s;
    }

    private static List<TestOutcome> outcomes(Path dir, int run) throws IOException {
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            return repo.outcomes(run);
        }
    }

    private static List<String> ids(Path dir, int run) throws IOException {
        return outcomes(dir, run).stream().map(TestOutcome::testId).toList();
    }

    @Test
    void countsMatchStestrAndFailingRerunsExactlyTheFailedTests() throws Exception {
        Path dir = pythonProject("test_extra.py", PythonOracle.pythonModule("test_extra.py"));

        LauncherIT.Result first = testr(dir, "run -j 2");

        assertThat(first.exitCode()).as(first.stderr()).isEqualTo(1);
        assertThat(first.stdout())
                .contains("bsuite.test_extra.TestExtra.test_fails [")
                .contains("FAIL: bsuite.test_extra.TestExtra.test_fails")
                .contains("AssertionError: 1 != 2")
                .endsWith("FAILED (id=0, failures=1, skips=1)\n");
        Summary ours;
        try (FileRepository repo = FileRepository.open(dir, n -> {});
                InputStream in = repo.openStream(0)) {
            ours = summary(in);
        }
        Path stestrOut = tmp.resolve("stestr.subunit");
        PythonOracle.Run stestr = PythonOracle.run(
                dir,
                null,
                stestrOut,
                PythonOracle.command("stestr").toString(),
                "run",
                "--concurrency",
                "2",
                "--subunit");
        Summary theirs = summary(Files.newInputStream(stestrOut));
        assertThat(theirs.total()).as("stestr's stderr: %s", stestr.stderr()).isEqualTo(63);
        for (TestStatus s : List.of(
                TestStatus.SUCCESS,
                TestStatus.FAIL,
                TestStatus.SKIP,
                TestStatus.EXPECTED_FAIL,
                TestStatus.UNEXPECTED_SUCCESS)) {
            assertThat(ours.count(s)).as("%s", s).isEqualTo(theirs.count(s));
        }
        assertThat(ours.total()).isEqualTo(63);

        LauncherIT.Result again = testr(dir, "run --failing");

        assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
        assertThat(ids(dir, 1)).containsExactly("bsuite.test_extra.TestExtra.test_fails");
        assertThat(testr(dir, "failing --list").stdout()).isEqualTo("bsuite.test_extra.TestExtra.test_fails\n");
    }

    @Test
    void aSeedGivesTheSameOrderTwice() throws Exception {
        Path dir = pythonProject("test_extra.py", PythonOracle.pythonModule("test_extra.py"));

        LauncherIT.Result first = testr(dir, "run --serial --random --seed 7");
        LauncherIT.Result second = testr(dir, "run --serial --random --seed 7");

        assertThat(first.stderr()).contains("testr run: random order, seed 7");
        assertThat(second.exitCode()).isEqualTo(first.exitCode()).isEqualTo(1);
        assertThat(ids(dir, 0)).hasSize(63);
        assertThat(ids(dir, 1)).isEqualTo(ids(dir, 0));
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            assertThat(repo.run(1).metadata().get("seed")).hasValue("7");
        }
    }

    @Test
    void aSeedShufflesASuiteThatRunsItsIdFileInOrderTheSameWayTwice() throws Exception {
        // python -m subunit.run --load-list runs the listed tests in discovery order, whatever the
        // file's order; a suite that follows its id file shows the shuffle itself.
        Path dir = Files.createDirectories(tmp.resolve("sh"));
        Files.writeString(dir.resolve(".testr.conf"), SHELL_CONF);
        Files.writeString(dir.resolve("suite.sh"), SHELL_SUITE);

        testr(dir, "run --serial --random --seed 7");
        testr(dir, "run --serial --seed 7");
        testr(dir, "run --serial");

        List<String> listed = List.of("sh.math.adds", "sh.math.subtracts", "sh.text.upper", "sh.text.fails");
        assertThat(ids(dir, 2)).isEqualTo(listed);
        assertThat(ids(dir, 0)).isNotEqualTo(listed).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(ids(dir, 1)).isEqualTo(ids(dir, 0));
    }

    @Test
    void aWorkerKilledBySigkillFailsTheRunAndEveryOtherTestStillRuns() throws Exception {
        Path dir = pythonProject("test_kill.py", PythonOracle.pythonModule("test_kill.py"));
        String killer = "bsuite.test_kill.TestKill.test_kill_my_worker";

        LauncherIT.Result r = testr(dir, "run -j 2");

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        List<TestOutcome> outcomes = outcomes(dir, 0);
        String dead = outcomes.stream()
                .filter(o -> o.testId().equals(killer))
                .findFirst()
                .orElseThrow()
                .routeCode();
        // its unstarted tests went back to the queue: the 60 others all ran and passed, whichever worker ran them
        List<TestOutcome> survivors = outcomes.stream()
                .filter(o -> !o.testId().equals(killer) && !o.testId().startsWith("testr4j.worker-"))
                .toList();
        assertThat(survivors).hasSize(60).extracting(TestOutcome::status).containsOnly(TestStatus.SUCCESS);
        assertThat(outcomes)
                .filteredOn(o -> o.testId().equals(killer) || o.testId().equals("testr4j.worker-" + dead))
                .extracting(TestOutcome::status)
                .containsExactlyInAnyOrder(TestStatus.FAIL, TestStatus.FAIL);
        assertThat(r.stderr()).contains("testr run: worker " + dead + " crashed (exit status 137 (killed by signal 9)");
        assertThat(r.stdout())
                .contains("FAIL: testr4j.worker-" + dead)
                .contains("while running " + killer)
                .contains("killing worker ");
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            StoredRun run = repo.run(0);
            assertThat(run.successful()).isFalse();
            assertThat(run.interrupted()).isFalse();
        }
    }

    @Test
    void aShellSuiteSpeakingSubunitThroughSubunitOutputRuns() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sh"));
        Files.writeString(dir.resolve(".testr.conf"), SHELL_CONF);
        Files.writeString(dir.resolve("suite.sh"), SHELL_SUITE);

        LauncherIT.Result list = testr(dir, "list math");
        LauncherIT.Result run = testr(dir, "run -j 2");

        assertThat(list.stdout()).isEqualTo("sh.math.adds\nsh.math.subtracts\n");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains("testr: created a repository at " + dir.resolve(".testr"));
        assertThat(run.stdout())
                .contains("} sh.math.adds [")
                .contains("FAIL: sh.text.fails\n")
                .contains("expected 2, got 3")
                .endsWith("FAILED (id=0, failures=1)\n");
        assertThat(outcomes(dir, 0)).extracting(TestOutcome::routeCode).containsOnly("0", "1");
    }

    @Test
    void rerunRepeatsEachWorkersOrderAndWorkerRepeatsOneWorkersSequenceSerially() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sh"));
        Files.writeString(dir.resolve(".testr.conf"), SHELL_CONF);
        Files.writeString(
                dir.resolve("suite.sh"),
                SHELL_SUITE.replace(
                        "tests='sh.math.adds sh.math.subtracts sh.text.upper sh.text.fails'",
                        "tests='sh.a.one sh.a.two sh.a.three sh.b.one sh.b.two sh.b.three sh.c.fails'"));

        LauncherIT.Result run = testr(dir, "run -j 2 --random --seed 3");
        LauncherIT.Result rerun = testr(dir, "rerun");
        LauncherIT.Result worker = testr(dir, "rerun -2 --worker 1");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isEqualTo(1);
        assertThat(rerun.stderr()).contains("testr rerun: running the 7 test(s) of run 0 again on 2 worker(s)");
        assertThat(rerun.stdout()).endsWith("FAILED (id=1, failures=1)\n");
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            var first = WorkerSequences.read(repo, 0).all();
            assertThat(first.keySet()).containsExactly("0", "1");
            assertThat(WorkerSequences.read(repo, 1).all()).isEqualTo(first);
            assertThat(WorkerSequences.read(repo, 2).all()).isEqualTo(java.util.Map.of("0", first.get("1")));
            assertThat(repo.run(1).metadata().get("seed")).hasValue("3");
            assertThat(repo.run(2).metadata().get("concurrency")).hasValue("1");
        }
        assertThat(worker.stderr()).contains("worker 1 of run 0 ran, in its order, serially");
        LauncherIT.Result unknown = testr(dir, "rerun --worker 7");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.stderr())
                .isEqualTo("testr rerun: run 2 ran no tests on worker '7': its tests ran on worker 0\n");
    }

    @Test
    void aRunnerKilledMidRunLeavesAnInterruptedRunWithEveryResultThatArrived() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sh"));
        Files.writeString(dir.resolve(".testr.conf"), SHELL_CONF);
        Files.writeString(
                dir.resolve("suite.sh"),
                SHELL_SUITE.replace(
                        "tests='sh.math.adds sh.math.subtracts sh.text.upper sh.text.fails'",
                        "tests='sh.math.adds sh.math.subtracts sh.kill.runner sh.text.upper'"));

        LauncherIT.Result run = testr(dir, "run --serial");
        LauncherIT.Result last = testr(dir, "last");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(137);
        assertThat(last.exitCode()).as(last.stderr()).isEqualTo(1);
        assertThat(last.stdout()).contains("INTERRUPTED: sh.kill.runner").contains("INTERRUPTED: the run's writer");
        assertThat(outcomes(dir, 0))
                .extracting(o -> o.testId() + "=" + o.status().wireName())
                .containsExactly("sh.math.adds=success", "sh.math.subtracts=success", "sh.kill.runner=inprogress");
    }
}
