package org.testr4j.subunit.csv;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;

/**
 * Writes one CSV row per test, the same columns and rows as python-subunit's {@code subunit2csv}.
 *
 * <p>The header {@code test,status,start_time,stop_time} is written at {@link #startRun()}, then a
 * row as each test ends. The status is python's: {@code success}, {@code failure} (also for a test
 * the stream never ended), {@code skip}, {@code xfail}, and {@code success} again for an unexpected
 * success, as {@code subunit2csv} writes it. Times are python's {@code str(datetime)} in UTC, to the
 * microsecond. Like python, a test's start is its first timestamp and its stop its final one; a test
 * with no timestamp of its own takes the last time seen, or the wall clock before any. Tests still
 * running at {@link #stopRun()} come last, most recently started first, as python pops them. Rows
 * end in {@code \r\n}; a field holding a comma, quote, CR or LF is quoted, quotes doubled (python's
 * {@code csv} excel dialect). Memory holds the tests in progress, through {@link TestAssembler}.
 *
 * <pre>{@code
 * CsvWriter csv = CsvWriter.to(System.out);
 * csv.startRun(); csv.status(...); csv.stopRun();
 * // test,status,start_time,stop_time
 * // pkg.T.adds,success,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20.001443+00:00
 * }</pre>
 */
public final class CsvWriter implements StreamResult, Flushable {
    private final Writer out;
    private final Clock wallClock;
    private final TestAssembler assembler = new TestAssembler(this::write);
    private final List<TestResult> unfinished = new ArrayList<>();
    private boolean stopping;
    private Instant time; // python's TestResult "current time": the last timestamp it was given

    private CsvWriter(Writer out, Clock wallClock) {
        this.out = Objects.requireNonNull(out, "out");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** A writer of UTF-8 CSV to {@code out}; tests without timestamps get the system clock's time. */
    public static CsvWriter to(OutputStream out) {
        return to(out, Clock.systemUTC());
    }

    /** A writer of UTF-8 CSV to {@code out}; {@code wallClock} times tests when the stream has no timestamps. */
    public static CsvWriter to(OutputStream out, Clock wallClock) {
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), wallClock);
    }

    @Override
    public void startRun() {
        time = null;
        row("test", "status", "start_time", "stop_time");
    }

    @Override
    public void status(Event event) {
        // python drops "exists" before it assembles tests: a listed test is not a row
        if (event.status() != TestStatus.EXISTS) {
            assembler.status(event);
        }
    }

    /** Writes the tests still running, then flushes. */
    @Override
    public void stopRun() {
        stopping = true;
        assembler.stopRun();
        stopping = false;
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            write(unfinished.get(i));
        }
        unfinished.clear();
        flush();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(TestResult test) {
        if (stopping) {
            unfinished.add(test); // written by stopRun, in python's order
            return;
        }
        if (test.start() != null) {
            time = test.start();
        }
        Instant start = now();
        // python ends a test the stream never ended without a timestamp
        Instant stop = test.status() == TestStatus.IN_PROGRESS ? null : test.stop();
        if (stop != null) {
            time = stop;
        }
        row(test.testId(), statusName(test.status()), PythonTime.format(start), PythonTime.format(now()));
    }

    private Instant now() {
        return time != null ? time : wallClock.instant();
    }

    private static String statusName(TestStatus status) {
        switch (status) {
            case SUCCESS:
            case UNEXPECTED_SUCCESS:
                return "success";
            case SKIP:
                return "skip";
            case EXPECTED_FAIL:
                return "xfail";
            default:
                return "failure";
        }
    }

    private void row(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvField.quote(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** python's {@code str(datetime)} for an aware UTC datetime. */
    static final class PythonTime {
        private PythonTime() {}

        static String format(Instant instant) {
            // python keeps microseconds, rounding nanoseconds/1000 half to even (timedelta does)
            long micros = (long) Math.rint(instant.getNano() / 1000.0);
            LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC)
                    .plusNanos(micros * 1000);
            String base = String.format(
                    "%04d-%02d-%02d %02d:%02d:%02d",
                    t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            int micro = t.getNano() / 1000;
            return (micro == 0 ? base : base + String.format(".%06d", micro)) + "+00:00";
        }
    }
}
