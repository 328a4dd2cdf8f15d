package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.testr4j.junit.fixtures.ParameterizedExample;
import org.testr4j.junit.fixtures.PlainExample;
import org.testr4j.subunit.TestStatus;

class SubunitFileListenerTest {
    private String outerWorker;

    /** These tests may themselves run in a worker (testr4j's own suite under testr): act as outside one. */
    @BeforeEach
    void leaveAnyOuterWorker() {
        outerWorker = System.getProperty(JUnitWorker.RUNNING_PROPERTY);
        System.clearProperty(JUnitWorker.RUNNING_PROPERTY);
    }

    @AfterEach
    void returnToAnyOuterWorker() {
        if (outerWorker != null) {
            System.setProperty(JUnitWorker.RUNNING_PROPERTY, outerWorker);
        }
    }

    private static final String P = "org.testr4j.junit.fixtures.";

    private static void runFixtures(SubunitFileListener listener) {
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(PlainExample.class), selectClass(ParameterizedExample.class))
                                .build(),
                        listener);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheWorkersIdsAndEventsToANewFileInADirectory(@TempDir Path dir) throws IOException {
        runFixtures(new SubunitFileListener(dir + "/", Clock.systemUTC()));

        List<Path> written = files(dir);
        assertThat(written)
                .singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString())
                        .matches(ProcessHandle.current().pid() + "-\\d+\\.subunit"));
        WorkerRun read = WorkerRun.read(0, Files.readAllBytes(written.get(0)), "");
        assertThat(read.outcomes())
                .contains(
                        entry(P + "PlainExample.passes", TestStatus.SUCCESS),
                        entry(P + "PlainExample.fails", TestStatus.FAIL),
                        entry(P + "ParameterizedExample.adds(int, int, int)[2]", TestStatus.FAIL));
        assertThat(read.attachment(P + "PlainExample.errors", "traceback")).contains("broken on purpose");
    }

    @Test
    void twoListenersInOneJvmNeverShareAFile(@TempDir Path dir) throws IOException {
        runFixtures(new SubunitFileListener(dir.toString(), Clock.systemUTC()));
        runFixtures(new SubunitFileListener(dir.toString(), Clock.systemUTC()));

        assertThat(files(dir)).hasSize(2);
    }

    @Test
    void aNamedFileIsWrittenAfreshThenAppendedToWithinTheJvm(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/run.subunit");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "stale");

        runFixtures(new SubunitFileListener(file.toString(), Clock.systemUTC()));
        runFixtures(new SubunitFileListener(file.toString(), Clock.systemUTC()));

        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("stale");
        // Both runs are there, whole (sizes vary by a byte or two: timestamps are variable-length).
        WorkerRun read = WorkerRun.read(0, Files.readAllBytes(file), "");
        assertThat(read.finalCounts()).containsEntry(P + "PlainExample.passes", 2L);
        assertThat(read.finalCounts().values()).containsOnly(2L);
    }

    @Test
    void staysInertWithoutATargetAndInsideAWorker(@TempDir Path dir) throws IOException {
        runFixtures(new SubunitFileListener(null, Clock.systemUTC()));
        System.setProperty(JUnitWorker.RUNNING_PROPERTY, "true");
        try {
            runFixtures(new SubunitFileListener(dir.toString(), Clock.systemUTC()));
        } finally {
            System.clearProperty(JUnitWorker.RUNNING_PROPERTY);
        }

        assertThat(files(dir)).isEmpty();
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        Map<String, String> env = Map.of(SubunitFileListener.ENVIRONMENT, "/from/env");

        assertThat(SubunitFileListener.configuredTarget("/from/property", env)).isEqualTo("/from/property");
        assertThat(SubunitFileListener.configuredTarget(null, env)).isEqualTo("/from/env");
        assertThat(SubunitFileListener.configuredTarget("", Map.of())).isNull();
    }
}
