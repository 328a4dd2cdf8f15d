package org.testr4j.subunit.tap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Turns a TAP (Test Anything Protocol) stream into subunit events, as python-subunit's {@code
 * tap2subunit} does.
 *
 * <p>Each {@code ok}/{@code not ok} line becomes one final status for the test {@code "test N
 * description"}, not runnable, with the {@code # SKIP}/{@code # TODO} comment and the {@code #}
 * diagnostics that follow it attached as {@code tap comment}. A plan ({@code 1..N}) makes tests the
 * output never reported fail as {@code test missing from TAP output}; {@code 1..0 # reason} skips
 * the whole file as the test {@code file skip}; {@code Bail out! reason} ends as a failed test of
 * that name. Any other line is passed on as stream-level {@code stdout}. No event carries a
 * timestamp, as in python.
 *
 * <p>The rules are python's regular expressions, kept verbatim, so odd inputs convert the same
 * way: a line needs its newline to count as TAP, only upper- or lower-case directives are
 * recognised ({@code # Skip} is not), and lines after {@code Bail out!} are still read. Only
 * {@code \n} ends a line, as on python's {@code sys.stdin}; a {@code \r} before it is whitespace to
 * the patterns. Where python crashes ({@code 1..0} with no comment, bytes that are not UTF-8) this
 * reader carries on: an empty skip comment, U+FFFD for bad bytes. Memory holds one line and the
 * diagnostics of one test.
 *
 * <pre>{@code
 * // "1..2\nok 1 adds\nnot ok 2 subtracts # TODO later\n"
 * new TapReader(in).readAll(sink);
 * // -> test 1 adds: success; test 2 subtracts: xfail with tap comment "later"
 * }</pre>
 */
public final class TapReader {
    /** python's {@code 'text/plain; charset=UTF8'}, spelled as it is on the wire. */
    static final String UTF8_TEXT = "text/plain; charset=UTF8";

    // python's str patterns: \s also takes \x1c-\x1f, '.' stops only at \n, \d is any decimal digit.
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    private static final String S = "[\\s\\x1c-\\x1f]";
    private static final Pattern PLAN = Pattern.compile("(\\d+)\\.\\.(\\d+)" + S + "*(?:#" + S + "+(.*))?\n", FLAGS);
    private static final Pattern RESULT = Pattern.compile(
            "(ok|not ok)(?:" + S + "+(\\d+)?)?(?:" + S + "+([^#]*[^#\\s\\x1c-\\x1f]+)" + S + "*)?(?:" + S + "+#" + S
                    + "+(TODO|SKIP|skip|todo)(?:" + S + "+(.*))?)?\n",
            FLAGS);
    private static final Pattern BAIL_OUT = Pattern.compile("Bail out!(?:" + S + "*(.*))?\n", FLAGS);
    private static final Pattern DIAGNOSTIC = Pattern.compile("#.*\n", FLAGS);

    private static final Bytes MISSING = Bytes.utf8("test missing from TAP output");

    private final TapLines lines;

    /** A reader of UTF-8 TAP text; malformed bytes become U+FFFD. */
    public TapReader(InputStream in) {
        this(new InputStreamReader(
                Objects.requireNonNull(in, "in"),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** A reader of TAP text already decoded. */
    public TapReader(Reader in) {
        this.lines = new TapLines(Objects.requireNonNull(in, "in"));
    }

    /**
     * Reads to the end of the input, handing every event to {@code sink}; the caller starts and
     * stops the run.
     *
     * @throws TapFormatException if a test number or plan is too large to count to
     * @throws IOException if the input fails
     */
    public void readAll(StreamResult sink) throws IOException {
        new Conversion(sink).run();
    }

    /** The state of one conversion: python's local variables in {@code TAP2SubUnit}. */
    private final class Conversion {
        private final StreamResult sink;
        private final List<String> log = new ArrayList<>();
        private boolean planSeen;
        private long planStart = 1;
        private long planStop = 0;
        private String testName;
        private TestStatus result;

        Conversion(StreamResult sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        void run() throws IOException {
            for (String line = lines.next(); line != null; line = lines.next()) {
                readLine(line);
            }
            emitTest();
            while (planStart <= planStop) {
                missingTest(planStart++);
            }
        }

        private void readLine(String line) throws TapFormatException {
            // python keeps a state variable, but only "before the plan" is ever tested: a plan
            // counts once, and lines after "Bail out!" are read like any other.
            if (!planSeen) {
                Matcher plan = PLAN.matcher(line);
                if (plan.lookingAt()) {
                    planSeen = true;
                    planStop = number(plan.group(2), "plan");
                    if (planStart > planStop && planStop == 0) {
                        String comment = plan.group(3) == null ? "" : plan.group(3);
                        sink.status(Event.test("file skip")
                                .status(TestStatus.SKIP)
                                .file("tap comment", Bytes.utf8(comment))
                                .eof(true)
                                .build());
                    }
                    return;
                }
            }
            Matcher test = RESULT.matcher(line);
            if (test.lookingAt()) {
                readResult(test);
                return;
            }
            Matcher bailOut = BAIL_OUT.matcher(line);
            if (bailOut.lookingAt()) {
                emitTest();
                String reason = bailOut.group(1);
                testName = reason == null ? "Bail out!" : "Bail out! " + reason;
                result = TestStatus.FAIL;
                return;
            }
            if (DIAGNOSTIC.matcher(line).lookingAt()) {
                log.add(line.substring(0, line.length() - 1));
                return;
            }
            sink.status(Event.builder()
                    .file("stdout", Bytes.utf8(line))
                    .mimeType(UTF8_TEXT)
                    .build());
        }

        private void readResult(Matcher test) throws TapFormatException {
            emitTest();
            result = test.group(1).equals("ok") ? TestStatus.SUCCESS : TestStatus.FAIL;
            String description = test.group(3) == null ? "" : " " + test.group(3);
            String directive = test.group(4);
            if (directive != null) {
                result = directive.equalsIgnoreCase("TODO") ? TestStatus.EXPECTED_FAIL : TestStatus.SKIP;
                if (test.group(5) != null) {
                    log.add(test.group(5));
                }
            }
            if (test.group(2) != null) {
                long number = number(test.group(2), "test number");
                while (planStart < number) {
                    missingTest(planStart++);
                }
            }
            testName = "test " + planStart + description;
            planStart++;
        }

        private void emitTest() {
            if (testName == null) {
                return;
            }
            Event.Builder event =
                    Event.test(testName).status(result).runnable(false).eof(true);
            if (!log.isEmpty()) {
                event.file("tap comment", Bytes.utf8(String.join("\n", log))).mimeType(UTF8_TEXT);
                log.clear();
            }
            sink.status(event.build());
        }

        private void missingTest(long number) {
            sink.status(Event.test("test " + number)
                    .status(TestStatus.FAIL)
                    .runnable(false)
                    .file("tap meta", MISSING)
                    .mimeType(UTF8_TEXT)
                    .eof(true)
                    .build());
        }

        private long number(String digits, String what) throws TapFormatException {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new TapFormatException(lines.lineNumber(), what + " '" + digits + "' is too large");
            }
        }
    }
}
