package org.testr4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code subunit ls}: the test ids in a stream, as {@code subunit-ls} prints them. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        description = "List the tests in a stream (like subunit-ls), each as it finishes; exit 1 if any failed.")
final class LsCommand implements Callable<Integer> {
    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Option(names = "--times", description = "Show how long each test took, in seconds.")
    boolean times;

    @Option(names = "--exists", description = "Also list tests that were only reported as existing.")
    boolean exists;

    @Option(names = "--no-passthrough", description = "Hide output that belongs to no test.")
    boolean noPassthrough;

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        Summary summary = new Summary();
        IdPrinter printer = new IdPrinter(io.out());
        StreamInput.Outcome outcome = input.pump(
                io,
                "subunit ls",
                event -> {
                    printer.status(event);
                    summary.status(event);
                },
                io.out());
        printer.stopRun();
        io.out().flush();
        if (!outcome.clean()) {
            return ExitCode.BAD_INPUT;
        }
        return summary.wasSuccessful() ? ExitCode.OK : ExitCode.TESTS_FAILED;
    }

    /** python-subunit's TestIdPrintingResult and CatFiles in one: ids as tests end, other output as is. */
    private final class IdPrinter implements StreamResult {
        private final OutputStream out;
        private final Map<String, Instant> active = new LinkedHashMap<>();
        private Instant now;

        IdPrinter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void status(Event event) {
            if (event.testId() == null || event.testId().isEmpty()) {
                if (!noPassthrough && event.hasFile()) {
                    try {
                        event.fileBytes().writeTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return;
            }
            if (event.timestamp() != null) {
                now = event.timestamp();
            }
            TestStatus status = event.status();
            if (status == TestStatus.EXISTS) {
                if (exists) {
                    report(event.testId(), Duration.ZERO);
                }
            } else if (status == TestStatus.IN_PROGRESS || status == TestStatus.NONE) {
                active.put(event.testId(), now);
            } else {
                end(event.testId());
            }
        }

        @Override
        public void stopRun() {
            for (String id : new ArrayList<>(active.keySet())) {
                end(id);
            }
        }

        private void end(String testId) {
            Instant start = active.remove(testId);
            report(testId, start == null || now == null ? Duration.ZERO : Duration.between(start, now));
        }

        private void report(String testId, Duration took) {
            String line = times ? String.format("%s %.3f%n", testId, took.toNanos() / 1e9) : testId + "\n";
            write(line.getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
