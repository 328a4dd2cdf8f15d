package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * {@code testr run}, {@code list} and {@code config} in-process against a fake suite: a shell
 * script that lists its tests and plays back each one's pre-written subunit v2 result.
 */
class RunCommandTest {
    /**
     * {@code --list} prints list.txt; otherwise plays back each test of the id file (every listed
     * test when there is none); kill* dies by SIGKILL; flaky* fails from its third run on.
     */
    static final String RUN_SH = String.join(
            "\n",
            "#!/bin/sh",
            "if [ \"$1\" = --list ]; then cat list.txt; exit 0; fi",
            "while IFS= read -r id; do",
            "  case \"$id\" in",
            "    kill*) cat \"results/$id.start\"; echo \"dying in $id\" >&2; kill -9 $$ ;;",
            "    flaky*) n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count;"
                    + " if [ $n -ge 3 ]; then cat \"results/$id.fail\"; else cat \"results/$id.subunit\"; fi ;;",
            "    *) cat \"results/$id.subunit\" ;;",
            "  esac",
            "done < \"${2:-list.txt}\"",
            "");

    static final String CONF = String.join(
            "\n",
            "[DEFAULT]",
            "test_command=sh run.sh $LISTOPT $IDOPTION",
            "test_id_option=--load-list $IDFILE",
            "test_list_option=--list",
            "");

    @TempDir
    Path project;

    private String out;
    private String err;
    private byte[] outBytes;

    /** Makes the suite: each test passes in {@code seconds} unless its name starts with "fail". */
    private void suite(Map<String, Integer> seconds) throws IOException {
        playbackSuite(project, seconds);
    }

    private void suite(String... ids) throws IOException {
        playbackSuite(project, ids);
    }

    /** Writes the fake suite into {@code project}: each test takes 1 second. */
    static void playbackSuite(Path project, String... ids) throws IOException {
        Map<String, Integer> seconds = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            seconds.put(id, 1);
        }
        playbackSuite(project, seconds);
    }

    /** Writes the fake suite into {@code project}: each test passes in {@code seconds} unless named fail*. */
    static void playbackSuite(Path project, Map<String, Integer> seconds) throws IOException {
        Files.writeString(project.resolve(".testr.conf"), CONF);
        Files.writeString(project.resolve("run.sh"), RUN_SH);
        Files.createDirectories(project.resolve("results"));
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        StringBuilder list = new StringBuilder();
        for (var e : seconds.entrySet()) {
            String id = e.getKey();
            list.append(id).append('\n');
            Event start =
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(t).build();
            Instant end = t.plusSeconds(e.getValue());
            write(project.resolve("results/" + id + ".start"), start);
            write(
                    project.resolve("results/" + id + ".subunit"),
                    start,
                    Event.test(id)
                            .status(id.startsWith("fail") ? TestStatus.FAIL : TestStatus.SUCCESS)
                            .timestamp(end)
                            .build());
            write(
                    project.resolve("results/" + id + ".fail"),
                    start,
                    Event.test(id).status(TestStatus.FAIL).timestamp(end).build());
        }
        Files.writeString(project.resolve("list.txt"), list);
    }

    private static void write(Path file, Event... events) throws IOException {
        try (OutputStream o = Files.newOutputStream(file);
                PacketWriter w = PacketWriter.to(o)) {
            for (Event e : events) {
                w.status(e);
            }
        }
    }

    private int testr(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        StandardStreams streams =
                new StandardStreams(new ByteArrayInputStream(new byte[0]), stdout, new PrintWriter(stderr, true));
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        int exit = Commands.testr(streams).execute(all.toArray(new String[0]));
        outBytes = stdout.toByteArray();
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString();
        return exit;
    }

    private List<StoredRun> runs() throws IOException {
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            return repo.runs();
        }
    }

    private List<TestOutcome> outcomes(int run) throws IOException {
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            return repo.outcomes(run);
        }
    }

    private List<String> ids(int run) throws IOException {
        return outcomes(run).stream().map(TestOutcome::testId).toList();
    }

    @Test
    void aFirstRunCreatesTheRepositoryStoresTheRunAndShowsEachTestThenTheFailures() throws Exception {
        suite("a.one", "a.two", "fail.three", "b.four");

        int exit = testr("run", "-j", "2");

        assertThat(exit).as(err).isEqualTo(1);
        assertThat(err).contains("testr: created a repository at " + project.resolve(".testr"));
        assertThat(out)
                .contains("} a.one [1.000000s] ... ok\n")
                .contains("} fail.three [1.000000s] ... FAILED\n")
                // which worker takes which test is decided as they go idle: both show, with 4 tests between them
                .containsPattern(" - Worker 0 \\(\\d tests\\)")
                .containsPattern(" - Worker 1 \\(\\d tests\\)")
                .contains("FAIL: fail.three\n")
                .endsWith("Ran 4 tests in 1.000s\nFAILED (id=0, failures=1)\n");
        StoredRun run = runs().get(0);
        assertThat(run.counts().passed()).isEqualTo(3);
        assertThat(run.counts().failed()).isEqualTo(1);
        assertThat(run.interrupted()).isFalse();
        assertThat(run.metadata().get("concurrency")).contains("2");
        assertThat(run.metadata().get("command")).hasValue("testr -C " + project + " run -j 2");
        assertThat(outcomes(0)).extracting(TestOutcome::routeCode).containsOnly("0", "1");
    }

    @Test
    void filterTagsLeaveTaggedTestsOutOfTheCountButNeverAFailure() throws Exception {
        suite("layer.setup", "a.one", "fail.two");
        Files.writeString(project.resolve(".testr.conf"), CONF + "filter_tags=zope:layer\n");
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        for (String id : new String[] {"layer.setup", "fail.two"}) {
            write(
                    project.resolve("results/" + id + ".subunit"),
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(t).build(),
                    Event.test(id)
                            .status(id.startsWith("fail") ? TestStatus.FAIL : TestStatus.SUCCESS)
                            .tags("zope:layer")
                            .timestamp(t.plusSeconds(1))
                            .build());
        }

        int exit = testr("run");

        assertThat(exit).isEqualTo(1);
        assertThat(out)
                .contains("Ran 2 tests in ")
                .contains("FAIL: fail.two"); // the layer is not a test; the failure still is
        assertThat(runs().get(0).counts().total()).isEqualTo(3); // the stored run keeps everything
    }

    @Test
    void exitsZeroWhenEverySelectedTestPasses() throws Exception {
        suite("a.one", "a.two", "fail.three");

        assertThat(testr("run", "--serial", "^a\\.")).as(err).isZero();

        assertThat(out).endsWith("PASSED (id=0)\n");
        assertThat(ids(0)).containsExactly("a.one", "a.two");
    }

    @Test
    void failingRerunsExactlyTheFailingTestsAsAPartialRun() throws Exception {
        suite("a.one", "fail.two", "b.three", "fail.four");
        testr("run", "-j", "2");

        int exit = testr("run", "--failing");

        assertThat(exit).isEqualTo(1);
        assertThat(ids(1)).containsExactlyInAnyOrder("fail.two", "fail.four");
        assertThat(runs().get(1).partial()).isTrue();
    }

    @Test
    void failingWithNothingFailingRunsNothing() throws Exception {
        suite("a.one");
        testr("run");

        assertThat(testr("run", "--failing")).isZero();

        assertThat(err).contains("testr run: no tests to run: none is failing");
        assertThat(runs()).hasSize(1);
    }

    @Test
    void selectsWithExcludeRegexListsAndLoadList() throws Exception {
        suite("a.one", "a.two", "b.three", "b.four", "c.five");
        Files.writeString(project.resolve("exclude.txt"), "# not these\nfour\n\n");
        Files.writeString(project.resolve("include.txt"), "^b\\.\nfive # and this\n");
        Files.writeString(project.resolve("load.txt"), "a.two\nb.three\nc.five\nnot.listed\n");

        assertThat(testr(
                        "list",
                        "--include-list",
                        project.resolve("include.txt").toString(),
                        "--exclude-list",
                        project.resolve("exclude.txt").toString()))
                .isZero();
        assertThat(out).isEqualTo("b.three\nc.five\n");
        assertThat(testr("list", "a", "-e", "two")).isZero();
        assertThat(out).isEqualTo("a.one\n");

        assertThat(testr("run", "--load-list", project.resolve("load.txt").toString(), "--exclude-regex", "five"))
                .as(err)
                .isZero();
        assertThat(ids(0)).containsExactlyInAnyOrder("a.two", "b.three");
    }

    @Test
    void theSecondRunPartitionsByTheDurationsTheFirstRecorded() throws Exception {
        Map<String, Integer> seconds = new java.util.LinkedHashMap<>();
        seconds.put("slow", 10);
        seconds.put("quick1", 1);
        seconds.put("quick2", 1);
        seconds.put("quick3", 1);
        suite(seconds);
        testr("run", "-j", "2"); // no history: dealt out round-robin, slow shares a worker

        assertThat(testr("run", "-j", "2")).isZero();

        List<TestOutcome> second = outcomes(1);
        String slowRoute = second.stream()
                .filter(o -> o.testId().equals("slow"))
                .findFirst()
                .orElseThrow()
                .routeCode();
        assertThat(second)
                .filteredOn(o -> o.routeCode().equals(slowRoute))
                .extracting(TestOutcome::testId)
                .containsExactly("slow");
    }

    @Test
    void aSeedGivesTheSameOrderEveryTimeAndIsPrintedAndStored() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("t" + i);
        }
        suite(names.toArray(new String[0]));

        assertThat(testr("run", "--serial", "--random", "--seed", "7")).isZero();
        assertThat(err).contains("testr run: random order, seed 7");
        assertThat(testr("run", "--serial", "--seed", "7")).isZero();
        assertThat(testr("run", "--serial", "--random")).isZero();

        assertThat(ids(1)).isEqualTo(ids(0)).isNotEqualTo(names).containsExactlyInAnyOrderElementsOf(names);
        assertThat(runs().get(0).metadata().get("seed")).hasValue("7");
        assertThat(runs().get(2).metadata().get("seed")).isPresent();
    }

    @Test
    void subunitWritesTheCombinedStreamInsteadOfTheView() throws Exception {
        suite("a.one", "fail.two", "b.three");

        int exit = testr("run", "--subunit", "-j", "2");

        assertThat(exit).isEqualTo(1);
        Summary summary = new Summary();
        PacketReader.lenient(new ByteArrayInputStream(outBytes)).readAll(summary);
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.failures()).isEqualTo(1);
        assertThat(out).doesNotContain("Totals");
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            assertThat(repo.openStream(0).readAllBytes()).isEqualTo(outBytes);
        }
    }

    @Test
    void aWorkerKilledMidRunFailsTheRunNamingItAndEveryOtherTestStillRuns() throws Exception {
        suite("a.one", "kill.me", "b.two", "a.three", "b.four", "c.five");

        int exit = testr("run", "-j", "2");

        assertThat(exit).isEqualTo(1);
        List<TestOutcome> outcomes = outcomes(0);
        String deadRoute = outcomes.stream()
                .filter(o -> o.testId().equals("kill.me"))
                .findFirst()
                .orElseThrow()
                .routeCode();
        // the dead worker's unstarted tests went back to the queue: every other test ran and passed
        assertThat(outcomes)
                .filteredOn(o -> !o.testId().equals("kill.me") && !o.testId().startsWith("testr4j.worker-"))
                .extracting(TestOutcome::status)
                .hasSize(5)
                .containsOnly(TestStatus.SUCCESS);
        assertThat(outcomes)
                .filteredOn(o -> o.testId().equals("kill.me") || o.testId().startsWith("testr4j.worker-"))
                .extracting(TestOutcome::status)
                .containsOnly(TestStatus.FAIL)
                .hasSize(2);
        assertThat(err).contains("testr run: worker " + deadRoute + " crashed (exit status 137 (killed by signal 9)");
        assertThat(out)
                .contains("FAIL: testr4j.worker-" + deadRoute)
                .contains("dying in kill.me")
                .contains("FAILED (id=0, failures=2)");
    }

    @Test
    void untilFailureRunsAgainUntilARunFails() throws Exception {
        suite("a.one", "flaky.two");

        int exit = testr("run", "--serial", "--until-failure");

        assertThat(exit).isEqualTo(1);
        assertThat(runs()).extracting(StoredRun::successful).containsExactly(true, true, false);
    }

    @Test
    void isolatedStartsTheTestCommandOnceForEachTestWithItsOneIdStillInParallel() throws Exception {
        suite("a.one", "a.two", "fail.three", "b.four");
        // every start of the test command, the listing included, leaves its arguments in starts.txt
        Files.writeString(
                project.resolve(".testr.conf"),
                CONF.replace("test_command=sh run.sh", "test_command=echo \"$IDFILE\" >> starts.txt; sh run.sh"));

        int exit = testr("run", "--isolated", "-j", "2");

        assertThat(exit).as(err).isEqualTo(1);
        List<String> starts = Files.readAllLines(project.resolve("starts.txt"));
        assertThat(starts).hasSize(5).doesNotHaveDuplicates(); // the listing, then one per test
        assertThat(ids(0)).containsExactlyInAnyOrder("a.one", "a.two", "fail.three", "b.four");
        assertThat(outcomes(0)).extracting(TestOutcome::routeCode).containsOnly("0", "1");
        assertThat(runs().get(0).metadata().get("isolated")).hasValue("true");
        assertThat(runs().get(0).metadata().get("concurrency")).hasValue("2");
    }

    @Test
    void isolatedNeedsATestCommandThatCanList() throws Exception {
        Files.writeString(project.resolve(".testr.conf"), "[DEFAULT]\ntest_command=true\n");

        assertThat(testr("run", "--isolated")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.strip()).startsWith("testr run: --isolated needs the tests listed");
        assertThat(project.resolve(".testr")).doesNotExist();
    }

    @Test
    void aMissingConfigurationIsOneClearLine() {
        int exit = testr("run");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.strip())
                .isEqualTo("testr run: " + project.resolve(".testr.conf")
                        + ": no such file: create it with [DEFAULT] and test_command=<command that writes subunit>");
        assertThat(project.resolve(".testr")).doesNotExist();
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        Files.writeString(project.resolve(".testr.conf"), "[DEFAULT]\ntest_command=true\ntest_comand=x\n");

        assertThat(testr("list")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err).startsWith("testr list: " + project.resolve(".testr.conf") + ":3: test_comand: unknown key");
    }

    @Test
    void configShowsEachValueWithWhereItCameFrom() throws Exception {
        suite("a.one");

        assertThat(testr("config", "--serial")).isZero();

        assertThat(out)
                .contains("test_command         = sh run.sh $LISTOPT $IDOPTION    # file "
                        + project.resolve(".testr.conf") + ":2\n")
                .contains("group_regex          =     # default: unset: every test is scheduled on its own\n")
                .endsWith("concurrency          = 1    # command line: --serial\n");
        assertThat(testr("config")).isZero();
        assertThat(out)
                .endsWith("concurrency          = " + Runtime.getRuntime().availableProcessors()
                        + "    # default: one worker per core\n");
    }

    @Test
    void serialAndConcurrencyTogetherAreAUsageError() throws Exception {
        suite("a.one");

        assertThat(testr("run", "--serial", "-j", "2")).isEqualTo(ExitCode.USAGE);

        assertThat(err).contains("--serial and --concurrency contradict each other");
    }
}
