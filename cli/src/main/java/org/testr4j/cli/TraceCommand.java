package org.testr4j.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code subunit trace}: a live, human display of a stream as it arrives. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Show a stream as it arrives (like os-testr's subunit-trace): one line per finished test with worker,",
            "duration and outcome, failures in full as they happen, tests in progress, and a summary with the slowest tests."
        })
final class TraceCommand implements Callable<Integer> {
    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Option(names = "--no-color", description = "Never colour the output (default: colour on a terminal).")
    boolean noColor;

    @Option(names = "--color", description = "Colour the output even when it is not a terminal.")
    boolean color;

    @Option(
            names = {"-n", "--no-failure-debug"},
            description = "Do not print failures' output as they happen.")
    boolean noFailureDebug;

    @Option(names = "--failonly", description = "Print only the tests that did not pass.")
    boolean failOnly;

    @Option(
            names = "--slowest",
            defaultValue = "10",
            paramLabel = "N",
            description = "How many of the slowest tests the summary lists (default: ${DEFAULT-VALUE}).")
    int slowest;

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        Terminal terminal = Terminal.of(io.out(), System.getenv());
        TraceView.Style style = new TraceView.Style(
                color || (terminal.color() && !noColor),
                terminal.attached(),
                !noFailureDebug,
                failOnly,
                Math.max(0, slowest),
                terminal.width());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), false);
        TraceView view = new TraceView(out, style, Clock.systemUTC());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trace-ticker");
            t.setDaemon(true);
            return t;
        });
        long tick = terminal.attached() ? TerminalStatus.MIN_INTERVAL.toMillis() : 1000;
        ticker.scheduleAtFixedRate(view::tick, tick, tick, TimeUnit.MILLISECONDS);
        try {
            view.startRun();
            StreamInput.Outcome outcome = input.pump(io, "subunit trace", view, null);
            view.stopRun();
            if (!outcome.clean()) {
                return ExitCode.BAD_INPUT;
            }
            return view.wasSuccessful() ? ExitCode.OK : ExitCode.TESTS_FAILED;
        } finally {
            ticker.shutdownNow();
        }
    }
}
