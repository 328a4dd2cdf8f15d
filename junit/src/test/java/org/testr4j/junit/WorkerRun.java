package org.testr4j.junit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.ReadSummary;

/** The worker run in this JVM on the fixture classes, and what it wrote, read back. */
record WorkerRun(
        int exitCode, byte[] stdout, String stderr, List<Event> events, List<TestResult> results, ReadSummary summary) {
    static final Path TEST_CLASSES = Path.of("target", "test-classes");
    /** Only the fixtures: the worker must not find this module's own tests. */
    static final String FIXTURES = "org/testr4j/junit/fixtures/**";

    static WorkerRun fed(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JUnitWorker.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        return read(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static WorkerRun of(String... args) {
        return fed("", args);
    }

    /** Scans the fixtures with the given extra arguments. */
    static WorkerRun fixtures(String... args) {
        List<String> all = new ArrayList<>(List.of("--scan", TEST_CLASSES.toString(), "--include", FIXTURES));
        all.addAll(Arrays.asList(args));
        return of(all.toArray(String[]::new));
    }

    /** Scans the one fixture class {@code simpleName}, with the given extra arguments. */
    static WorkerRun fixture(String simpleName, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--scan", TEST_CLASSES.toString(), "--include", "org/testr4j/junit/fixtures/" + simpleName + ".java"));
        all.addAll(Arrays.asList(args));
        return of(all.toArray(String[]::new));
    }

    static WorkerRun read(int code, byte[] stdout, String stderr) {
        List<Event> events = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        TestAssembler assembler = new TestAssembler(results::add);
        ReadSummary summary;
        try (PacketReader reader = PacketReader.strict(new ByteArrayInputStream(stdout))) {
            summary = reader.readAll(event -> {
                events.add(event);
                assembler.status(event);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assembler.stopRun();
        return new WorkerRun(code, stdout, stderr, events, results, summary);
    }

    /** Final status per test id, in the order the tests ended. */
    Map<String, TestStatus> outcomes() {
        Map<String, TestStatus> outcomes = new LinkedHashMap<>();
        for (TestResult r : results) {
            if (r.status() != TestStatus.EXISTS) {
                outcomes.put(r.testId(), r.status());
            }
        }
        return outcomes;
    }

    TestResult result(String testId) {
        return results.stream()
                .filter(r -> r.testId().equals(testId) && r.status() != TestStatus.EXISTS)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + testId + " in " + outcomes()));
    }

    String attachment(String testId, String name) {
        return result(testId).attachment(name).map(a -> a.content().utf8()).orElse("");
    }

    /** Listed ids with their runnable flag. */
    Map<String, Boolean> listed() {
        return events.stream()
                .filter(e -> e.status() == TestStatus.EXISTS)
                .collect(Collectors.toMap(Event::testId, Event::runnable, (a, b) -> a, LinkedHashMap::new));
    }

    /** How many final statuses each id received. */
    Map<String, Long> finalCounts() {
        return events.stream()
                .filter(e -> e.testId() != null && e.status().isFinal())
                .collect(Collectors.groupingBy(Event::testId, LinkedHashMap::new, Collectors.counting()));
    }
}
