package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * {@code testr run --subunit} as a supervisor one level up sees it: each test's {@code inprogress}
 * event arrives, under its worker's route code, while the test is still running.
 */
class RunSubunitOutputTest {
    /**
     * Plays back results, but a wait* test, once started, waits (30 s at most) until the supervisor
     * reading testr's stdout has seen it start, and fails if it never does.
     */
    private static final String RUN_SH = String.join(
            "\n",
            "#!/bin/sh",
            "if [ \"$1\" = --list ]; then cat list.txt; exit 0; fi",
            "while IFS= read -r id; do",
            "  case \"$id\" in",
            "    wait*) cat \"results/$id.start\"; n=0",
            "      until [ -f \"seen.$id\" ] || [ $n -ge 600 ]; do sleep 0.05; n=$((n+1)); done",
            "      if [ -f \"seen.$id\" ]; then cat \"results/$id.subunit\"; else cat \"results/$id.fail\"; fi ;;",
            "    *) cat \"results/$id.subunit\" ;;",
            "  esac",
            "done < \"$2\"",
            "");

    @TempDir
    Path project;

    @Test
    void inProgressEventsReachTheOutputWithRouteCodesWhileTheTestsRun() throws Exception {
        RunCommandTest.playbackSuite(project, Map.of("a.one", 1, "wait.two", 1, "wait.three", 1));
        Files.writeString(project.resolve("run.sh"), RUN_SH);
        for (String id : List.of("wait.two", "wait.three")) { // the start is played before the wait: the end only
            Files.write(
                    project.resolve("results/" + id + ".subunit"),
                    PacketWriter.toBytes(
                            Event.test(id).status(TestStatus.SUCCESS).build()));
        }
        Path pipe = project.resolve("stdout.fifo");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor())
                .isZero();
        List<Event> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> supervisor = CompletableFuture.runAsync(() -> {
            try (InputStream in = new FileInputStream(pipe.toFile())) {
                PacketReader.lenient(in).readAll(event -> {
                    seen.add(event);
                    if (event.status() == TestStatus.IN_PROGRESS && event.routeCode() != null) {
                        touch(project.resolve("seen." + event.testId()));
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        StringWriter err = new StringWriter();

        int exit;
        try (OutputStream out = new FileOutputStream(pipe.toFile())) {
            StandardStreams streams =
                    new StandardStreams(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true));
            exit = Commands.testr(streams).execute("-C", project.toString(), "run", "--subunit", "-j", "2");
        }
        supervisor.get();

        assertThat(exit).as("every wait* test saw itself start: %s", err).isZero();
        assertThat(seen)
                .filteredOn(e -> "wait.two".equals(e.testId()))
                .extracting(Event::status)
                .containsExactly(TestStatus.IN_PROGRESS, TestStatus.SUCCESS);
        assertThat(seen)
                .filteredOn(e -> e.testId() != null)
                .extracting(Event::routeCode)
                .containsOnly("0", "1");
        assertThat(seen)
                .filteredOn(e -> e.status() == TestStatus.IN_PROGRESS)
                .extracting(Event::testId, e -> e.routeCode() != null)
                .containsExactlyInAnyOrder(tuple("a.one", true), tuple("wait.two", true), tuple("wait.three", true));
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
