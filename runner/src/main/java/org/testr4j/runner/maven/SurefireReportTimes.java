package org.testr4j.runner.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.junitxml.JUnitXmlReader;

/**
 * The test times in Surefire's reports ({@code target/surefire-reports/TEST-*.xml}), for a Maven
 * project's first run: testr has no history yet, but a project that ran {@code mvn test} before has
 * its times there, so the first parallel run can already split a heavy class and deal the longest
 * tests first. {@link WorkerConfWriter} lists each module's reports folder with its id prefix in
 * {@value #LIST} beside the generated configuration.
 *
 * <pre>{@code
 * Map<String, Duration> times = SurefireReportTimes.read(Path.of("target/testr4j/report-dirs.txt")).orElseThrow();
 * times.get("core:com.example.CalcTest.adds"); // 0.012 s, as the report says
 * }</pre>
 */
public final class SurefireReportTimes {
    /** The file naming each module's reports folder: {@code prefix<TAB>folder} a line. */
    public static final String LIST = "report-dirs.txt";

    private SurefireReportTimes() {}

    /**
     * The times in the reports the list names, by test id; empty when there is no list or no report
     * with a time. Reports that are not readable JUnit XML are passed over: they only guide the order.
     */
    public static Optional<Map<String, Duration>> read(Path list) {
        if (!Files.isRegularFile(list)) {
            return Optional.empty();
        }
        Map<String, Duration> times = new HashMap<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                Path dir = Path.of(line.substring(tab + 1));
                if (Files.isDirectory(dir)) {
                    readInto(line.substring(0, tab), dir, times);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return times.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(times));
    }

    private static void readInto(String prefix, Path dir, Map<String, Duration> times) {
        List<Path> reports;
        try (var files = Files.list(dir)) {
            reports = files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path report : reports) {
            Map<String, Instant> started = new HashMap<>();
            StreamResult collect = event -> {
                if (event.testId() == null || event.timestamp() == null) {
                    return;
                }
                if (event.status() == TestStatus.IN_PROGRESS) {
                    started.put(event.testId(), event.timestamp());
                } else if (event.status() == TestStatus.SUCCESS || event.status() == TestStatus.FAIL) {
                    Instant start = started.remove(event.testId());
                    if (start != null) { // a skipped test's time says nothing of how long it runs
                        times.put(prefix + event.testId(), Duration.between(start, event.timestamp()));
                    }
                }
            };
            try {
                new JUnitXmlReader().read(List.of(report), collect);
            } catch (IOException | RuntimeException e) {
                // a report being written, or not JUnit XML: the others still count
            }
        }
    }

    static String listLine(String prefix, Path reportsDir) {
        return prefix + "\t" + reportsDir.toAbsolutePath().normalize() + "\n";
    }
}
