package org.testr4j.subunit.v1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.ReadSummary;
import org.testr4j.subunit.v2.StreamItem;
import org.testr4j.subunit.v2.SubunitFormatException;

/**
 * Reads the subunit v1 text protocol as the events python-subunit's {@code subunit-1to2} makes of
 * it, one item at a time, in memory bounded by the current test's details.
 *
 * <pre>
 * time: 2024-01-02 03:04:05.000000Z      the time of the events that follow
 * tags: worker-0 -slow                   tags for every later test (inside a test: for that test)
 * test: pkg.T.adds                       -&gt; pkg.T.adds inprogress
 * failure: pkg.T.adds [                  error: and failure: both -&gt; fail; also success(ful):, skip:,
 * Traceback ...                              xfail:, uxsuccess:; details go out as file events
 * ]                                      -&gt; traceback file, then pkg.T.adds fail {worker-0}
 * anything else                          -&gt; a "stdout" file event with no test id
 * </pre>
 *
 * <p>As in {@code subunit-1to2}: every event carries the latest {@code time:} (the clock's time
 * when there is none yet); tags go on the final status only; {@code progress:} is accepted and
 * dropped; a test the stream leaves unfinished fails with a "lost connection" traceback. Output
 * between directives comes out as {@link StreamItem.Interleaved} items, consecutive lines together,
 * at most 1 MiB each, and without waiting for input that is not there yet.
 *
 * <p>A lenient reader reports bad input (a malformed chunk size, a details block the stream cuts
 * short, a bad {@code time:}) as a {@link StreamItem.Corrupt} whose reason names the line, which
 * becomes {@code subunit.parser} events, and carries on; a strict reader throws {@link
 * SubunitFormatException}. No input makes it throw anything else.
 *
 * <p>Where {@code subunit-1to2} crashes or garbles, this reader does not copy it: bad input is
 * reported as above instead of a Python traceback; a last line without a newline keeps its last
 * byte; ids that are not UTF-8 get replacement characters; output holding a {@code 0xB3} byte is
 * passed on intact (python's v2 reader mistakes it for a packet); a skip whose reason is not text
 * still ends the test; and a line over 1 MiB is always output, never a directive.
 *
 * <pre>{@code
 * try (V1Reader reader = V1Reader.lenient(Files.newInputStream(Path.of("run.v1")))) {
 *     reader.readAll(event -> System.out.println(event.testId() + " " + event.status()));
 * }
 * }</pre>
 */
public final class V1Reader implements AutoCloseable {
    /** The name python-subunit gives output that is not part of the protocol. */
    public static final String NON_SUBUNIT_NAME = "stdout";

    static final String LOST_CONNECTION_MIME = "text/x-traceback; charset=\"utf8\"; language=\"python\"";
    private static final String REMOTE_EXCEPTION = "testtools.testresult.real._StringException: ";
    private static final Pattern COUNT = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    private static final int MAX_RAW_KEPT = 64 * 1024;

    private final LineSource src;
    private final boolean strict;
    private final Clock clock;
    private final ArrayDeque<StreamItem> ready = new ArrayDeque<>();
    private SubunitFormatException failure;
    private boolean finished;

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private long textOffset;
    private boolean inLongLine;

    private final Set<String> runTags = new LinkedHashSet<>();
    private Set<String> testTags;
    private String testId;
    private DetailsBlock details;
    private Instant time;
    private String timeText;

    private long events;
    private long interleavedBytes;
    private long corrupt;

    private V1Reader(InputStream in, boolean strict, Clock clock) {
        this.src = new LineSource(in);
        this.strict = strict;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reader that reports bad input as items and carries on; events before any {@code time:} get the system time. */
    public static V1Reader lenient(InputStream in) {
        return new V1Reader(in, false, Clock.systemUTC());
    }

    /** A lenient reader whose events before any {@code time:} get {@code clock}'s time. */
    public static V1Reader lenient(InputStream in, Clock clock) {
        return new V1Reader(in, false, clock);
    }

    /** A reader that throws {@link SubunitFormatException} at the first bad input. */
    public static V1Reader strict(InputStream in) {
        return new V1Reader(in, true, Clock.systemUTC());
    }

    /** A strict reader whose events before any {@code time:} get {@code clock}'s time. */
    public static V1Reader strict(InputStream in, Clock clock) {
        return new V1Reader(in, true, clock);
    }

    /**
     * Reads the next item: an event ({@link StreamItem.Packet}, at the offset of the line that
     * produced it), output that is not subunit, or bad input.
     *
     * @return empty at the end of the stream
     * @throws SubunitFormatException in strict mode, at bad input
     * @throws IOException if the underlying stream fails
     */
    public Optional<StreamItem> read() throws IOException {
        while (ready.isEmpty()) {
            if (failure != null) {
                SubunitFormatException thrown = failure;
                failure = null;
                throw thrown;
            }
            if (finished) {
                return Optional.empty();
            }
            step();
        }
        return Optional.of(ready.poll());
    }

    /** Reads to the end of the stream, handing every item to {@code sink} as events. */
    public ReadSummary readAll(StreamResult sink) throws IOException {
        for (Optional<StreamItem> next = read(); next.isPresent(); next = read()) {
            next.get().deliverTo(sink);
        }
        return new ReadSummary(events, interleavedBytes, corrupt, src.offset());
    }

    /** True when the next {@link #read()} would wait for input: the moment for a pipeline to flush. */
    public boolean inputIdle() throws IOException {
        return ready.isEmpty() && text.size() == 0 && src.idle();
    }

    /** The offset of the next byte to be read. */
    public long offset() {
        return src.offset();
    }

    @Override
    public void close() throws IOException {
        src.close();
    }

    // ---------------------------------------------------------------- directives

    private void step() throws IOException {
        if (text.size() > 0 && !src.lineBuffered() && src.inputQuiet()) {
            flushText(); // hand on the output we have rather than wait for more
            return;
        }
        if (details != null) {
            readDetails();
            return;
        }
        int n = src.peekLine();
        if (n == 0) {
            endOfInput();
            return;
        }
        if (inLongLine || (n == LineSource.MAX_PIECE && !src.endsLine(n))) {
            // A line over 1 MiB is output, not a directive: pass it on piece by piece.
            inLongLine = !src.endsLine(n);
            passThrough(n);
            return;
        }
        readDirective(n);
    }

    /**
     * python-subunit's rule: a directive is a first word (trailing colons dropped) that starts the
     * line, followed by whitespace and more text; its argument starts one byte after that word.
     */
    private void readDirective(int n) throws IOException {
        int wordEnd = 0;
        while (wordEnd < n && !isAsciiSpace(src.at(wordEnd))) {
            wordEnd++;
        }
        int next = wordEnd;
        while (next < n && isAsciiSpace(src.at(next))) {
            next++;
        }
        if (wordEnd == 0 || next == n) {
            passThrough(n);
            return;
        }
        int keywordEnd = wordEnd;
        while (keywordEnd > 0 && src.at(keywordEnd - 1) == ':') {
            keywordEnd--;
        }
        String keyword = src.latin1(0, keywordEnd);
        int from = wordEnd + 1;
        int to = src.endsLine(n) ? n - 1 : n;
        switch (keyword) {
            case "test":
            case "testing":
                if (testId == null) {
                    startTest(n, src.utf8(from, to - from));
                } else {
                    passThrough(n); // python-subunit ignores a test that starts inside another
                }
                return;
            case "tags":
                changeTags(src.utf8(from, n - from));
                src.consume(n);
                return;
            case "time":
                readTime(n, src.latin1(from, to - from));
                return;
            case "progress":
                readProgress(n, src.latin1(from, n - from).strip());
                return;
            default:
                Outcome outcome = Outcome.forKeyword(keyword);
                if (outcome == null || testId == null) {
                    passThrough(n);
                } else {
                    readOutcome(n, outcome, src.utf8(from, to - from));
                }
        }
    }

    private void startTest(int n, String id) {
        long offset = src.offset();
        src.consume(n);
        testId = id;
        testTags = new LinkedHashSet<>(runTags);
        emit(
                offset,
                n,
                Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(now()).build());
    }

    private void readOutcome(int n, Outcome outcome, String argument) {
        long offset = src.offset();
        long line = src.lineNumber();
        if (argument.equals(testId)) {
            src.consume(n);
            finishTest(offset, n, outcome, List.of());
        } else if (argument.equals(testId + " [")) {
            src.consume(n);
            details = new DetailsBlock(outcome, DetailsBlock.Style.SIMPLE, testId, line);
        } else if (argument.equals(testId + " [ multipart")) {
            src.consume(n);
            details = new DetailsBlock(outcome, DetailsBlock.Style.MULTIPART, testId, line);
        } else {
            passThrough(n); // an outcome for some other test is output, as in python-subunit
        }
    }

    private void readDetails() throws IOException {
        long offset = src.offset();
        try {
            DetailsBlock.Progress progress = details.advance(src);
            if (progress == DetailsBlock.Progress.ENDED) {
                finishTest(offset, (int) (src.offset() - offset), details.outcome(), details.parts());
            } else if (progress == DetailsBlock.Progress.INPUT_ENDED) {
                endOfInput();
            }
        } catch (DetailsBlock.Malformed e) {
            problem(e.problem());
        }
    }

    private void finishTest(long offset, int length, Outcome outcome, List<DetailsBlock.Part> parts) {
        Instant now = now();
        for (DetailsBlock.Part part : parts) {
            emit(
                    offset,
                    length,
                    Event.test(testId)
                            .file(part.name(), part.content())
                            .mimeType(part.mimeType())
                            .eof(true)
                            .timestamp(now)
                            .build());
        }
        emit(
                offset,
                length,
                Event.test(testId)
                        .status(outcome.status())
                        .tags(testTags)
                        .timestamp(now)
                        .build());
        testId = null;
        testTags = null;
        details = null;
    }

    /** Inside a test, tags apply to that test only; outside, to every test after. A removal wins. */
    private void changeTags(String words) {
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (String tag : splitOnPythonWhitespace(words)) {
            if (tag.startsWith("-")) {
                removed.add(tag.substring(1));
            } else {
                added.add(tag);
            }
        }
        Set<String> target = testTags != null ? testTags : runTags;
        target.addAll(added);
        target.removeAll(removed);
    }

    private void readTime(int n, String argument) {
        try {
            if (!argument.equals(timeText)) { // streams repeat a time often: parse each text once
                time = Iso8601.parse(argument);
                timeText = argument;
            }
            src.consume(n);
        } catch (IllegalArgumentException e) {
            problemAt(n, "time " + e.getMessage());
        }
    }

    private void readProgress(int n, String argument) {
        if (COUNT.matcher(argument).matches() || argument.equals("push") || argument.equals("pop")) {
            src.consume(n); // python-subunit's v2 output has no progress: accepted, then dropped
        } else {
            problemAt(n, "progress '" + argument + "' is not a count (N, +N, -N), push or pop");
        }
    }

    private void endOfInput() {
        flushText();
        if (details != null) {
            String id = testId;
            DetailsBlock block = details;
            lostConnection(block.outcome().label() + " report of ");
            problem(new DetailsBlock.Problem(
                    src.offset(),
                    src.lineNumber(),
                    Bytes.EMPTY,
                    "the stream ends inside the details of test '" + id + "' opened on line " + block.openedOnLine()
                            + "; expected a line ']' to close them"));
        } else if (testId != null) {
            lostConnection("");
        }
        finished = true;
    }

    /** What python-subunit reports for a test the stream leaves unfinished: a failure with this traceback. */
    private void lostConnection(String during) {
        String message = REMOTE_EXCEPTION + "lost connection during " + during + "test '" + testId + "'\n";
        finishTest(
                src.offset(),
                0,
                Outcome.FAILURE,
                List.of(new DetailsBlock.Part("traceback", LOST_CONNECTION_MIME, Bytes.utf8(message))));
    }

    private Instant now() {
        return time != null ? time : clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- items

    private void passThrough(int n) {
        if (text.size() == 0) {
            textOffset = src.offset();
        }
        src.appendTo(text, 0, n);
        src.consume(n);
        if (text.size() >= LineSource.MAX_PIECE) {
            byte[] all = text.toByteArray();
            text.reset();
            int at = 0;
            for (; all.length - at >= LineSource.MAX_PIECE; at += LineSource.MAX_PIECE) {
                addText(textOffset + at, Bytes.of(all, at, LineSource.MAX_PIECE));
            }
            text.write(all, at, all.length - at);
            textOffset += at;
        }
    }

    private void flushText() {
        if (text.size() > 0) {
            addText(textOffset, Bytes.of(text.toByteArray()));
            text.reset();
        }
    }

    private void addText(long offset, Bytes bytes) {
        interleavedBytes += bytes.size();
        ready.add(new StreamItem.Interleaved(offset, bytes, NON_SUBUNIT_NAME));
    }

    private void emit(long offset, int length, Event event) {
        flushText();
        events++;
        ready.add(new StreamItem.Packet(offset, length, event));
    }

    private void problemAt(int n, String reason) {
        DetailsBlock.Problem problem = new DetailsBlock.Problem(
                src.offset(), src.lineNumber(), src.bytes(0, Math.min(n, MAX_RAW_KEPT)), reason);
        src.consume(n);
        problem(problem);
    }

    private void problem(DetailsBlock.Problem problem) {
        flushText();
        String reason = "line " + problem.line() + ": " + problem.reason();
        corrupt++;
        if (strict) {
            failure = new SubunitFormatException(problem.offset(), reason);
            finished = true;
        } else {
            ready.add(new StreamItem.Corrupt(
                    problem.offset(), problem.raw(), problem.raw().size(), reason));
        }
    }

    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /** Python's {@code str.split()}: runs of Unicode whitespace separate words. */
    private static List<String> splitOnPythonWhitespace(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
            if (space && start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(s.substring(start));
        }
        return words;
    }
}
