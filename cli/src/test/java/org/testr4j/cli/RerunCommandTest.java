package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;

/**
 * {@code testr rerun} in-process against {@link RunCommandTest}'s fake playback suite, which runs
 * the tests of its id file in the file's order: each worker's order in the stored stream is the
 * order the worker was given.
 */
class RerunCommandTest {
    @TempDir
    Path project;

    private String out;
    private String err;

    private int testr(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        StandardStreams streams =
                new StandardStreams(new ByteArrayInputStream(new byte[0]), stdout, new PrintWriter(stderr, true));
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        int exit = Commands.testr(streams, all.toArray(new String[0])).execute(all.toArray(new String[0]));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString();
        return exit;
    }

    private Map<String, List<String>> sequences(int run) throws IOException {
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            return WorkerSequences.read(repo, run).all();
        }
    }

    private StoredRun run(int id) throws IOException {
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            return repo.run(id);
        }
    }

    private String[] twelveTests() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add((i == 7 ? "fail.t" : "t") + i);
        }
        return ids.toArray(new String[0]);
    }

    @Test
    void rerunsTheLatestRunsTestsWithEachWorkersOrderConcurrencyAndSeed() throws Exception {
        RunCommandTest.playbackSuite(project, twelveTests());
        testr("run", "-j", "3", "--random", "--seed", "11");
        Map<String, List<String>> first = sequences(0);
        assertThat(first).hasSize(3);

        int exit = testr("rerun");

        assertThat(exit).as(err).isEqualTo(1);
        assertThat(err)
                .contains("testr rerun: running the 12 test(s) of run 0 again on 3 worker(s), each in its order");
        assertThat(sequences(1)).isEqualTo(first);
        StoredRun rerun = run(1);
        assertThat(rerun.metadata().get("concurrency")).hasValue("3");
        assertThat(rerun.metadata().get("seed")).hasValue("11");
        assertThat(rerun.metadata().get("rerun.of")).hasValue("0");
        assertThat(rerun.metadata().get("command")).hasValue("testr -C " + project + " rerun");
        assertThat(rerun.partial()).isFalse();
        assertThat(out).contains("FAIL: fail.t7").endsWith("FAILED (id=1, failures=1)\n");
    }

    @Test
    void aRunIsNamedByIdOrByANegativeIndex() throws Exception {
        RunCommandTest.playbackSuite(project, "a.one", "a.two", "a.three");
        testr("run", "-j", "2");
        testr("run", "--serial", "a.two");

        assertThat(testr("rerun", "-2")).as(err).isZero();
        assertThat(testr("rerun", "1")).as(err).isZero();

        assertThat(sequences(2)).isEqualTo(sequences(0));
        assertThat(sequences(3)).isEqualTo(Map.of("0", List.of("a.two")));
        assertThat(run(2).metadata().get("rerun.of")).hasValue("0");
        assertThat(run(3).metadata().get("rerun.of")).hasValue("1");
    }

    @Test
    void workerRunsOnlyThatWorkersSequenceInItsOrderSerially() throws Exception {
        RunCommandTest.playbackSuite(project, twelveTests());
        testr("run", "-j", "3", "--seed", "5");
        List<String> worker1 = sequences(0).get("1");
        assertThat(worker1).hasSizeGreaterThan(1);

        int exit = testr("rerun", "--worker", "1");

        assertThat(exit).as(err).isEqualTo(worker1.contains("fail.t7") ? 1 : 0);
        assertThat(err)
                .contains("testr rerun: running the " + worker1.size()
                        + " test(s) worker 1 of run 0 ran, in its order, serially");
        assertThat(sequences(1)).isEqualTo(Map.of("0", worker1));
        StoredRun rerun = run(1);
        assertThat(rerun.metadata().get("concurrency")).hasValue("1");
        assertThat(rerun.partial()).isTrue();
    }

    @Test
    void aRerunOfAnIsolatedRunIsIsolatedToo() throws Exception {
        RunCommandTest.playbackSuite(project, "a.one", "a.two", "a.three");
        testr("run", "--isolated", "-j", "2");
        Files.writeString(
                project.resolve(".testr.conf"),
                RunCommandTest.CONF.replace(
                        "test_command=sh run.sh", "test_command=echo \"$IDFILE\" >> starts.txt; sh run.sh"));

        assertThat(testr("rerun")).as(err).isZero();

        assertThat(Files.readAllLines(project.resolve("starts.txt"))).hasSize(3);
        assertThat(sequences(1)).isEqualTo(sequences(0));
        assertThat(run(1).metadata().get("isolated")).hasValue("true");
    }

    @Test
    void anUnknownRunIsOneLineNamingTheRunsThatExist() throws Exception {
        RunCommandTest.playbackSuite(project, "a.one");
        testr("run");

        assertThat(testr("rerun", "4")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err).isEqualTo("testr rerun: run 4 does not exist: runs are 0 to 0\n");
        assertThat(testr("rerun", "-3")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err)
                .isEqualTo("testr rerun: run -3 does not exist: the repository holds 1 runs, so -1 to -1 name them\n");
    }

    @Test
    void aWorkerThatRanNoTestsIsOneLineListingTheWorkersThatDid() throws Exception {
        RunCommandTest.playbackSuite(project, "a.one", "a.two", "a.three");
        testr("run", "-j", "2");

        assertThat(testr("rerun", "--worker", "5")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err).isEqualTo("testr rerun: run 0 ran no tests on worker '5': its tests ran on workers 0, 1\n");
        assertThat(testr("rerun", "0", "--worker", "0")).as(err).isZero();
    }

    @Test
    void withNoRepositoryItSaysSo() throws Exception {
        RunCommandTest.playbackSuite(project, "a.one");

        assertThat(testr("rerun")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).startsWith("testr rerun: ");
    }

    @Test
    void aTestCommandThatTakesNoIdsCannotRerun() throws Exception {
        Files.writeString(project.resolve(".testr.conf"), "[DEFAULT]\ntest_command=true\n");

        assertThat(testr("rerun")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err).contains("names no tests ($IDOPTION, $IDFILE or $IDLIST)");
    }
}
