package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.repository.TestOutcome;
import org.testr4j.subunit.PythonOracle;

/**
 * Ctrl-C and SIGTERM sent to the real {@code bin/testr run} while two workers are each in a test
 * that sleeps for ten minutes: the workers die, the partial run is kept, the summary says so.
 */
class RunInterruptionIT {
    private static final Path ROOT = Path.of(System.getProperty("testr4j.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();

    /**
     * Plays back the prepared results; a slow* test, once its start is in the repository's live
     * file, says so through the fifo {@code started} and sleeps (a child of the worker's shell).
     */
    private static final String SUITE = String.join(
            "\n",
            "#!/bin/sh",
            "if [ \"$1\" = --list ]; then cat list.txt; exit 0; fi",
            "while IFS= read -r id; do",
            "  case \"$id\" in",
            "    slow*) cat \"results/$id.start\"",
            "      until grep -q \"$id\" .testr/runs/*.part 2>/dev/null; do sleep 0.05; done",
            "      echo \"$id\" > started",
            "      sleep 600 ;;",
            "    *) cat \"results/$id.subunit\" ;;",
            "  esac",
            "done < \"$2\"",
            "");

    /** Starts its arguments with SIGINT at its default: a shell's background job inherits it ignored. */
    private static final String SIGINT_DEFAULT = "import os, signal, sys;"
            + " signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";

    @TempDir
    Path project;

    @Test
    void ctrlCStopsTheWorkersKeepsThePartialRunAndExits130() throws Exception {
        Interrupted r = interrupt("INT", Map.of());

        assertThat(r.exitCode).as(r.stderr).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(r.stderr).contains("testr run: interrupted (SIGINT): stopping the workers");
        assertThat(r.stdout)
                .contains("} fast.a [1.000000s] ... ok")
                .contains("INTERRUPTED: slow.one")
                .contains("INTERRUPTED: the run's writer stopped before the run ended")
                .endsWith("testr run: interrupted by SIGINT: 2 test(s) never ran; run 0 keeps the 2 test(s)"
                        + " that finished and the 2 cut short\n")
                .doesNotContain("\u001b");
        assertPartialRunKept();
    }

    @Test
    void sigtermDoesTheSameOnATerminalAndExits143WithTheBlockErasedBeforeTheReport() throws Exception {
        Interrupted r = interrupt("TERM", Map.of("TESTR4J_TERMINAL", "1", "COLUMNS", "100", "NO_COLOR", "1"));

        assertThat(r.exitCode).as(r.stderr).isEqualTo(ExitCode.TERMINATED);
        assertThat(r.stderr).contains("testr run: interrupted (SIGTERM)");
        // a block drawn (its first worker line is whichever worker started first), then erased
        assertThat(r.stdout).containsPattern("\\]  \\d/6\n  [01]  ").contains("\u001b[J");
        String report = r.stdout.substring(r.stdout.lastIndexOf("\u001b[J") + 3);
        assertThat(report)
                .doesNotContain("\u001b")
                .contains("Totals")
                .endsWith("testr run: interrupted by SIGTERM: 2 test(s) never ran; run 0 keeps the 2 test(s)"
                        + " that finished and the 2 cut short\n");
        assertPartialRunKept();
    }

    private void assertPartialRunKept() throws IOException {
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            StoredRun run = repo.run(0);
            assertThat(run.interrupted()).isTrue();
            Map<String, String> outcomes = new HashMap<>();
            for (TestOutcome o : repo.outcomes(0)) {
                outcomes.put(o.testId(), o.status().wireName());
            }
            // no testr4j.worker-N crash reports: the killed workers' last words are not part of the run
            assertThat(outcomes)
                    .isEqualTo(Map.of(
                            "fast.a", "success",
                            "fast.b", "success",
                            "slow.one", "inprogress",
                            "slow.two", "inprogress"));
        }
    }

    private record Interrupted(int exitCode, String stdout, String stderr) {}

    /** Runs {@code testr run -j 2}, sends {@code signal} once both slow tests are running, and waits. */
    private Interrupted interrupt(String signal, Map<String, String> env) throws Exception {
        // two workers, each: a fast test, a slow one, and one that never runs (no history: dealt out in turn)
        Map<String, Integer> seconds = new LinkedHashMap<>();
        for (String id : List.of("fast.a", "fast.b", "slow.one", "slow.two", "never.a", "never.b")) {
            seconds.put(id, 1);
        }
        RunCommandTest.playbackSuite(project, seconds);
        Files.writeString(project.resolve("run.sh"), SUITE);
        Path started = project.resolve("started");
        assertThat(new ProcessBuilder("mkfifo", started.toString()).start().waitFor())
                .isZero();
        Path out = project.resolve("testr.out");
        Path err = project.resolve("testr.err");
        ProcessBuilder builder = new ProcessBuilder(
                        PythonOracle.PYTHON,
                        "-c",
                        SIGINT_DEFAULT,
                        ROOT + "/bin/testr",
                        "run",
                        "-j",
                        "2",
                        "--chunking",
                        "off") // one list per worker: each holds one slow test
                .directory(project.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process testr = builder.start(); // python execs bash execs java: one process id throughout
        testr.getOutputStream().close();
        try {
            Set<String> running = awaitStarts(started, 2, testr, err);
            assertThat(running).containsExactly("slow.one", "slow.two");
            List<ProcessHandle> workers = testr.descendants().toList();
            assertThat(workers).as("workers and their sleeping tests").isNotEmpty();

            new ProcessBuilder("kill", "-" + signal, Long.toString(testr.pid()))
                    .start()
                    .waitFor();

            assertThat(testr.waitFor(120, TimeUnit.SECONDS)).as("testr ended").isTrue();
            for (ProcessHandle w : workers) {
                assertThat(w.onExit()).as("worker process %s", w.pid()).succeedsWithin(Duration.ofSeconds(30));
            }
            return new Interrupted(
                    testr.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            testr.descendants().forEach(ProcessHandle::destroyForcibly);
            testr.destroyForcibly();
        }
    }

    /** Reads the fifo until {@code count} slow tests have said they are running. */
    private static Set<String> awaitStarts(Path fifo, int count, Process testr, Path err) throws Exception {
        CompletableFuture<Set<String>> starts = CompletableFuture.supplyAsync(() -> {
            Set<String> ids = new TreeSet<>();
            try {
                while (ids.size() < count) {
                    // each writer opens, writes a line and closes: a read ends when the open writers are gone
                    for (String line : Files.readAllLines(fifo)) {
                        if (!line.isBlank()) {
                            ids.add(line.trim());
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
        testr.onExit()
                .thenRun(() -> starts.completeExceptionally(new AssertionError(
                        "testr ended before its" + " slow tests started: " + new ArrayList<>(readQuietly(err)))));
        return starts.get(120, TimeUnit.SECONDS);
    }

    private static List<String> readQuietly(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
