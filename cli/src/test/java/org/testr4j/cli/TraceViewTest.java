package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.runner.schedule.TestTimes;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class TraceViewTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final StringWriter text = new StringWriter();
    private final MutableClock clock = new MutableClock();

    private TraceView view(boolean color, boolean terminal) {
        return new TraceView(new PrintWriter(text), new TraceView.Style(color, terminal, true, false, 10, 80), clock);
    }

    private static Event at(String id, TestStatus status, double seconds, String route) {
        return Event.test(id)
                .status(status)
                .routeCode(route)
                .timestamp(T0.plusMillis((long) (seconds * 1000)))
                .build();
    }

    @Test
    void printsOneLinePerFinishedTestWithWorkerAndDuration() {
        TraceView view = view(false, false);

        view.status(at("pkg.T.a", TestStatus.IN_PROGRESS, 0, "1"));
        view.status(at("pkg.T.a", TestStatus.SUCCESS, 1.5, "1"));
        view.stopRun();

        assertThat(text.toString())
                .startsWith("{1} pkg.T.a [1.500000s] ... ok\n")
                .contains("Ran: 1 tests in 1.5000 sec.");
        assertThat(view.wasSuccessful()).isTrue();
    }

    @Test
    void showsAFailuresOutputTheMomentItFails() {
        TraceView view = view(false, false);

        view.status(at("pkg.T.b", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(Event.test("pkg.T.b")
                .routeCode("0")
                .file("traceback", Bytes.utf8("Boom\nline 2"))
                .mimeType("text/plain;charset=utf8")
                .eof(true)
                .build());
        view.status(at("pkg.T.b", TestStatus.FAIL, 0.25, "0"));

        assertThat(text.toString())
                .contains(
                        "{0} pkg.T.b [0.250000s] ... FAILED\n\nCaptured traceback:\n~~~~~~~~~~~~~~~~~~~\n    Boom\n    line 2\n");
        assertThat(view.wasSuccessful()).isFalse();
    }

    @Test
    void reportsTestsTheStreamLeftUnfinished() {
        TraceView view = view(false, false);

        view.status(at("pkg.T.hang", TestStatus.IN_PROGRESS, 0, "2"));
        view.stopRun();

        assertThat(text.toString())
                .contains("{2} pkg.T.hang ... DID NOT FINISH")
                .contains(" - Did not finish: 1");
        assertThat(view.wasSuccessful()).isFalse();
    }

    @Test
    void inALogPrintsAPlainStatusLineAfterAQuietSpell() {
        TraceView view = view(false, false);
        view.status(at("pkg.T.slow", TestStatus.IN_PROGRESS, 0, "0"));

        clock.advance(Duration.ofSeconds(10));
        view.tick();
        assertThat(text.toString()).isEmpty();

        clock.advance(Duration.ofSeconds(25));
        view.tick();
        assertThat(text.toString()).isEqualTo("1 test in progress: {0} pkg.T.slow (35s)\n");
    }

    @Test
    void onATerminalDrawsTheStatusBlockThenErasesItForEachLineAndColours() {
        TraceView view = view(true, true);

        view.status(at("pkg.T.c", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(at("pkg.T.c", TestStatus.SUCCESS, 0.1, "0"));

        assertThat(text.toString())
                .isEqualTo(
                        "0 done, 1 running\n" // the block: no total is known to subunit trace
                                + "  0  pkg.T.c  0s\n"
                                + "\u001b[2A\u001b[J" // up over it, cleared, and the line goes where it was
                                + "{0} pkg.T.c [0.100000s] ... \u001b[32mok\u001b[0m\n");
    }

    @Test
    void plainOutputHasNoControlCodes() {
        TraceView view = view(false, false);

        view.status(at("pkg.T.c", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(at("pkg.T.c", TestStatus.SKIP, 0.1, "0"));
        view.stopRun();

        assertThat(text.toString()).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void listsTheSlowestTestsLongestFirst() {
        TraceView view = view(false, false);
        for (int i = 1; i <= 3; i++) {
            view.status(at("t" + i, TestStatus.IN_PROGRESS, 0, "0"));
            view.status(at("t" + i, TestStatus.SUCCESS, i, "0"));
        }
        view.stopRun();

        assertThat(text.toString()).contains("      3.000s  t3\n      2.000s  t2\n      1.000s  t1\n");
    }

    /** The view of {@code testr run} on a 40-column terminal: two tests scheduled on two workers. */
    private TraceView runOnATerminal() {
        RunProgress progress = RunProgress.scheduled(List.of("pkg.T.a", "pkg.T.b"), TestTimes.NONE, 2);
        return new TraceView(
                new PrintWriter(text),
                new TraceView.Style(false, true, true, false, 0, 40),
                clock,
                progress,
                new TerminalStatus(progress, new ProgressBlock(40, false)),
                true);
    }

    @Test
    void onATerminalAFailureGoesInFullAboveTheBlockWhichIsDrawnAgainBelowIt() {
        TraceView view = runOnATerminal();
        view.status(at("pkg.T.a", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(Event.test("pkg.T.a")
                .routeCode("0")
                .file("traceback", Bytes.utf8("Boom"))
                .mimeType("text/plain;charset=utf8")
                .eof(true)
                .build());
        text.getBuffer().setLength(0);

        clock.advance(Duration.ofSeconds(1));
        view.status(at("pkg.T.a", TestStatus.FAIL, 1, "0"));

        assertThat(text.toString())
                .isEqualTo(
                        "\u001b[2A\u001b[J" // the block (bar, worker 0) erased
                                + "{0} pkg.T.a [1.000000s] ... FAILED\n\nCaptured traceback:\n~~~~~~~~~~~~~~~~~~~\n    Boom\n\n"
                                + "[#######.......]  1/2  1 failed  ETA 0s\n" // drawn again below
                                + "  0  idle\n");
    }

    @Test
    void onATerminalTheBlockIsErasedBeforeTheSummaryAndNeverDrawnAgain() {
        TraceView view = runOnATerminal();
        view.status(at("pkg.T.a", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(at("pkg.T.b", TestStatus.IN_PROGRESS, 0, "1"));
        clock.advance(Duration.ofSeconds(1));
        view.tick();
        text.getBuffer().setLength(0);

        view.stopRun();
        view.tick();

        assertThat(text.toString())
                .startsWith("\u001b[3A\u001b[J{0} pkg.T.a ... DID NOT FINISH")
                .contains("Totals")
                .doesNotContain("[...");
    }

    /** The view of {@code testr run} in a log: two tests scheduled on one worker. */
    private TraceView runInALog(PrintWriter out) {
        RunProgress progress = RunProgress.scheduled(List.of("pkg.T.a", "pkg.T.b"), TestTimes.NONE, 1);
        return new TraceView(
                out,
                new TraceView.Style(false, false, true, false, 0, 80),
                clock,
                progress,
                new PeriodicStatus("testr run", progress, clock.instant()),
                true);
    }

    @Test
    void inALogARunPrintsItsStatusLineEveryThirtySeconds() {
        TraceView view = runInALog(new PrintWriter(text));
        view.status(at("pkg.T.a", TestStatus.IN_PROGRESS, 0, "0"));
        clock.advance(Duration.ofSeconds(10));
        view.status(at("pkg.T.a", TestStatus.SUCCESS, 10, "0"));
        view.status(at("pkg.T.b", TestStatus.IN_PROGRESS, 10, "0"));

        clock.advance(Duration.ofSeconds(25));
        view.tick();

        assertThat(text.toString())
                .isEqualTo("{0} pkg.T.a [10.000000s] ... ok\n"
                        + "testr run: 1/2 done, 0 failed, 1 running (longest: pkg.T.b 25s), ETA 0s\n");
    }

    @Test
    void inALogAPassingTestsLineWaitsForTheTickAndAFailureGoesOutAtOnce() {
        TraceView view = runInALog(new PrintWriter(new BufferedWriter(text))); // only a flush reaches the text
        view.status(at("pkg.T.a", TestStatus.IN_PROGRESS, 0, "0"));
        view.status(at("pkg.T.a", TestStatus.SUCCESS, 1, "0"));
        assertThat(text.toString()).isEmpty();

        view.tick();
        assertThat(text.toString()).isEqualTo("{0} pkg.T.a [1.000000s] ... ok\n");

        view.status(at("pkg.T.b", TestStatus.IN_PROGRESS, 1, "0"));
        view.status(at("pkg.T.b", TestStatus.FAIL, 2, "0"));
        assertThat(text.toString()).contains("{0} pkg.T.b [1.000000s] ... FAILED");
    }

    static final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
