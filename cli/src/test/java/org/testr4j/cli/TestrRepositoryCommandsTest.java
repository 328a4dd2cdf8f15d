package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/** The repository commands run in-process in a temporary project, as a user would type them. */
class TestrRepositoryCommandsTest {
    @TempDir
    Path project;

    private String out;
    private String err;
    private byte[] outBytes;

    /** Runs {@code testr -C project args...} with {@code stdin}; returns the exit code. */
    private int testr(byte[] stdin, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        StandardStreams streams =
                new StandardStreams(new ByteArrayInputStream(stdin), stdout, new PrintWriter(stderr, true));
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        int exit = Commands.testr(streams).execute(all.toArray(new String[0]));
        outBytes = stdout.toByteArray();
        out = stdout.toString(java.nio.charset.StandardCharsets.UTF_8);
        err = stderr.toString();
        return exit;
    }

    private int testr(String... args) {
        return testr(new byte[0], args);
    }

    /** A stream where each {@code id=status} pair is a test taking 10 ms per position; failures carry a traceback. */
    private static byte[] stream(String... tests) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter w = PacketWriter.to(bytes);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        int i = 1;
        for (String test : tests) {
            String id = test.substring(0, test.indexOf('='));
            TestStatus status = TestStatus.fromWireName(test.substring(test.indexOf('=') + 1));
            w.status(
                    Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(now).build());
            now = now.plusMillis(10L * i++);
            if (status.isFailure()) {
                w.status(Event.test(id)
                        .file("traceback", Bytes.utf8("Traceback: " + id + " went wrong\n"))
                        .mimeType("text/plain;charset=utf8")
                        .eof(true)
                        .timestamp(now)
                        .build());
            }
            w.status(Event.test(id).status(status).timestamp(now).build());
        }
        try {
            w.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @BeforeEach
    void noRepositoryYet() {
        assertThat(project.resolve(".testr")).doesNotExist();
    }

    @Test
    void everyCommandSaysHowToCreateAMissingRepository() {
        for (String command : List.of("last", "failing", "stats", "slowest", "load", "info", "flaky")) {
            assertThat(testr(command)).as(command).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(err)
                    .isEqualTo("testr " + command + ": no repository at " + project.toAbsolutePath()
                            + ": run 'testr init'" + System.lineSeparator());
        }
    }

    @Test
    void loadShowsTheSummaryAndExitsOneOnFailures() {
        testr("init");

        assertThat(testr(stream("a=success", "b=fail"), "load")).isEqualTo(ExitCode.TESTS_FAILED);

        assertThat(out)
                .contains("FAIL: b\n")
                .contains("Traceback: b went wrong")
                .contains("Ran 2 tests in 0.030s\n")
                .endsWith("FAILED (id=0, failures=1)\n");
        assertThat(testr(stream("a=success", "b=success"), "load")).isZero();
        assertThat(out).isEqualTo("Ran 2 tests in 0.030s (+0.000s)\nPASSED (id=1)\n");
    }

    @Test
    void loadKeepsInputWithNoTestsButSaysSoAndExitsThree() {
        testr("init");

        int exit = testr("make: nothing to be done\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "load");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err)
                .isEqualTo(
                        "testr load: <stdin>: no tests in it (kept as run 0): is it a test stream (subunit v2 or v1)?\n");
        assertThat(testr("load"))
                .as("an empty input is an empty run, not a mistake")
                .isZero();
    }

    @Test
    void lastFailsForAnInterruptedRun() throws IOException {
        testr("init");
        byte[] started = stream("a=success", "b=inprogress");
        try (org.testr4j.repository.FileRepository repo =
                org.testr4j.repository.FileRepository.open(project, n -> {})) {
            var writer = repo.startRun(org.testr4j.repository.RunMetadata.EMPTY);
            writer.write(started); // the writer dies here: closed, never finished
            writer.close();
        }

        assertThat(testr("last")).isEqualTo(ExitCode.TESTS_FAILED);

        assertThat(out).contains("INTERRUPTED: b\n").endsWith("FAILED (id=0)\n");
        assertThat(testr("last", "--subunit")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(outBytes).isEqualTo(started);
    }

    @Test
    void loadReadsFilesAsSeparateRuns() throws IOException {
        testr("init");
        Files.write(project.resolve("a.subunit"), stream("a=success"));
        Files.write(project.resolve("b.subunit"), stream("a=fail"));

        assertThat(testr(
                        "load",
                        project.resolve("a.subunit").toString(),
                        project.resolve("b.subunit").toString()))
                .isEqualTo(ExitCode.TESTS_FAILED);

        assertThat(out).contains("PASSED (id=0)").contains("FAILED (id=1, failures=1 (+1))");
        assertThat(testr("load", project.resolve("missing.subunit").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err).contains("cannot load ").contains("missing.subunit: no such file");
    }

    @Test
    void lastAndExportGiveTheRunBackByteForByte() {
        testr("init");
        byte[] run = stream("a=success", "b=fail", "c=skip");
        testr(run, "load");

        assertThat(testr("last", "--subunit")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(outBytes).isEqualTo(run);
        assertThat(testr("export", "-1")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(outBytes).isEqualTo(run);
        assertThat(testr("last")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(out).contains("FAIL: b").endsWith("FAILED (id=0, failures=1, skips=1)\n");
    }

    @Test
    void failingFollowsFullAndPartialRuns() {
        testr("init");
        testr(stream("a=fail", "b=fail"), "load");
        testr(stream("a=success"), "load", "--partial");

        assertThat(testr("failing", "--list")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(out).isEqualTo("b\n");
        assertThat(testr("failing")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(out).contains("FAIL: b").contains("Traceback: b went wrong").endsWith("FAILED (failures=1)\n");

        testr(stream("a=success", "b=success"), "load");
        assertThat(testr("failing", "--list")).isZero();
        assertThat(out).isEmpty();
    }

    @Test
    void slowestShowsTheLatestRunsSlowestTestsWithTheirShare() {
        testr("init");
        testr(stream("quick=success", "slow=success", "slowest=success"), "load");

        assertThat(testr("slowest", "-n", "2")).isZero();

        assertThat(out.lines().toList())
                .containsExactly(
                        "Test id  Runtime (s)    Share",
                        "-------  -----------  -------",
                        "slowest        0.030    50.0%",
                        "slow           0.020    33.3%");
    }

    @Test
    void historyListsShowsAndRemovesRuns() {
        testr("init");
        testr(stream("a=success"), "load");
        testr(stream("a=fail"), "load", "--partial");

        assertThat(testr("history", "list")).isZero();
        assertThat(out.lines().toList()).hasSize(3);
        assertThat(out.lines().toList().get(0))
                .isEqualTo("Run  Start (UTC)          Passed  Failed  Skipped  Runtime (s)  Notes");
        assertThat(out.lines().toList().get(2))
                .isEqualTo("  1  2026-03-01 10:00:00       0       1        0        0.010  partial");

        assertThat(testr("history", "show", "-2")).isZero();
        assertThat(out).endsWith("PASSED (id=0)\n");

        assertThat(testr("history", "remove", "-1")).isZero();
        assertThat(err).isEqualTo("testr: removed run 1" + System.lineSeparator());
        assertThat(testr("failing", "--list")).isZero();
        assertThat(testr("history", "show", "1")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err).contains("run 1 does not exist");
    }

    @Test
    void infoShowsTheRunsMetadata() {
        testr("init");
        testr(stream("a=success"), "load", "--partial");

        assertThat(testr("info")).isZero();

        assertThat(out)
                .contains("run:          0")
                .contains("started:      2026-03-01T10:00:00Z")
                .contains("partial:      yes")
                .contains("interrupted:  no")
                .contains("command:      testr load --partial")
                .contains("java:");
    }

    @Test
    void flakyRanksFlippingTestsAboveBrokenOnes() {
        testr("init");
        testr(stream("flaky=success", "broken=fail", "fine=success"), "load");
        testr(stream("flaky=fail", "broken=fail", "fine=success"), "load");
        testr(stream("flaky=success", "broken=fail", "fine=success"), "load");

        assertThat(testr("flaky")).isZero();

        assertThat(out.lines().toList())
                .containsExactly("Test id  Runs  Flips  Flip %  Fail %", "flaky       3      2   100.0    33.3");
    }

    @Test
    void logShowsTheOutputOfMatchingTests() {
        testr("init");
        testr(stream("pkg.A.one=fail", "pkg.A.two=success", "pkg.B.one=fail"), "load");

        assertThat(testr("log", "pkg.A.*")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(out)
                .contains("FAIL: pkg.A.one")
                .contains("SUCCESS: pkg.A.two")
                .doesNotContain("pkg.B");

        assertThat(testr("log", "two$")).isZero();
        assertThat(out).contains("SUCCESS: pkg.A.two").doesNotContain("one");
    }

    @Test
    void statsCountsRunsAndTests() {
        testr("init");
        testr(stream("a=success", "b=success"), "load");

        assertThat(testr("stats")).isZero();

        assertThat(out).startsWith("runs=1\ntests=2\nsize=");
    }

    @Test
    void anUnreadableRunIsOneLineNamingTheFile() throws IOException {
        testr("init");
        testr(stream("a=success"), "load");
        Path run = project.resolve(".testr/runs/0.subunit.gz");
        Files.write(run, "not gzip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(testr("last")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.lines().toList()).hasSize(2); // the catch-up notice, then the error
        assertThat(err).contains("cannot read run 0 from " + run).doesNotContain("\tat ");
    }

    @Test
    void aDeletedIndexIsRebuiltAndSaysSoOnStderr() throws IOException {
        testr("init");
        testr(stream("a=fail"), "load");
        Files.delete(project.resolve(".testr/index.sqlite"));

        assertThat(testr("failing", "--list")).isEqualTo(ExitCode.TESTS_FAILED);

        assertThat(out).isEqualTo("a\n");
        assertThat(err).startsWith("testr: building the index ");
    }

    @Test
    void aRunIdMustBeANumber() {
        testr("init");

        assertThat(testr("export", "latest")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("run 'latest' is not a run id");
    }
}
