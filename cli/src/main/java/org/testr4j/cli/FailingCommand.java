package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.TestHistory;
import org.testr4j.subunit.process.TestResult;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code testr failing}: the failing set. */
@Command(
        name = "failing",
        mixinStandardHelpOptions = true,
        description = "Show the tests failing now (failed in the latest full run, or in a partial run since),"
                + " with their output; exit 1 if there are any.")
final class FailingCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @ArgGroup(exclusive = true)
    Shape shape = new Shape();

    static final class Shape {
        @Option(names = "--list", description = "Only the test ids, one a line.")
        boolean list;

        @Option(names = "--subunit", description = "The failing tests' events as a v2 stream.")
        boolean subunit;
    }

    @Override
    public Integer call() throws IOException {
        try (FileRepository repo = parent.openRepository()) {
            List<TestHistory> failing = repo.failing();
            if (shape.subunit) {
                writeStream(repo, failing);
            } else if (shape.list) {
                PrintWriter out = parent.out();
                failing.forEach(t -> out.println(t.testId()));
                out.flush();
            } else {
                PrintWriter out = parent.out();
                RunReport report = new RunReport(out);
                for (Map.Entry<Integer, Set<String>> run : byRun(failing).entrySet()) {
                    Set<String> ids = run.getValue();
                    for (TestResult r : RunReport.results(
                            repo, run.getKey(), ids::contains, r -> r.status().isFailure())) {
                        report.printDetails(r);
                    }
                }
                out.println(
                        failing.isEmpty() ? "PASSED (no failing tests)" : "FAILED (failures=" + failing.size() + ")");
                out.flush();
            }
            return failing.isEmpty() ? ExitCode.OK : ExitCode.TESTS_FAILED;
        }
    }

    /** The failing tests grouped by the run they last failed in, so each stream is read once. */
    private static Map<Integer, Set<String>> byRun(List<TestHistory> failing) {
        return failing.stream()
                .collect(Collectors.groupingBy(
                        TestHistory::failingRun,
                        TreeMap::new,
                        Collectors.mapping(TestHistory::testId, Collectors.toCollection(HashSet::new))));
    }

    private void writeStream(FileRepository repo, List<TestHistory> failing) throws IOException {
        PacketWriter writer = PacketWriter.to(parent.streams().out());
        for (Map.Entry<Integer, Set<String>> run : byRun(failing).entrySet()) {
            Set<String> ids = run.getValue();
            try (InputStream in = repo.openStream(run.getKey())) {
                PacketReader.lenient(in).readAll(event -> {
                    if (event.testId() != null && ids.contains(event.testId())) {
                        writer.status(event);
                    }
                });
            }
        }
        writer.flush();
    }
}
