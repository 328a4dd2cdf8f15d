package org.testr4j.subunit.v1;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RoutedTestId;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Writes events as the subunit v1 text python-subunit's {@code subunit-2to1} writes for them.
 *
 * <p>v1 reports a test in one piece, so each test's events are held from its first event to its
 * final status (memory: the tests in progress and their attachments), then written as
 *
 * <pre>
 * time: 2024-02-29 23:59:58.123456Z      the test's first timestamp, if any
 * tags: worker-0                         its tags, if any
 * test: pkg.T.a
 * time: 2024-02-29 23:59:59.000000Z      the timestamp of its last event, if any
 * failure: pkg.T.a [ multipart           successful, failure, skip, xfail or uxsuccess
 * Content-Type: text/plain;charset=utf8  then each attachment, by name: type, name, HTTP-chunked body
 * stdout
 * 5\r\n
 * hello0\r\n
 * ]
 * tags: -worker-0
 * </pre>
 *
 * <p>As in {@code subunit-2to1}: {@code exists} events, route codes and the runnable flag are
 * dropped; file content with no test id is written out at once as raw bytes; tests still open at
 * {@link #stopRun()} are written as failures, the most recently started first. Tags are written in
 * event order (python's order is its set's).
 *
 * <pre>{@code
 * try (V1Writer out = V1Writer.to(System.out)) {
 *     out.status(Event.test("foo").status(TestStatus.SUCCESS).build()); // "test: foo\nsuccessful: foo [ multipart\n]\n"
 * }
 * }</pre>
 */
public final class V1Writer implements StreamResult, Flushable, AutoCloseable {
    /** python-subunit's chunk encoder writes a chunk once 64 KiB are gathered. */
    private static final int CHUNK = 65536;

    private final OutputStream out;
    private final Map<RoutedTestId, OpenTest> open = new LinkedHashMap<>();

    private V1Writer(OutputStream out) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024);
    }

    /** A writer that gathers output into large writes; {@link #flush()} or {@link #stopRun()} push it out. */
    public static V1Writer to(OutputStream out) {
        return new V1Writer(out);
    }

    /** Takes one event; I/O failures surface as {@link UncheckedIOException}. */
    @Override
    public void status(Event event) {
        try {
            write(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Event event) throws IOException {
        if (event.testId() == null) {
            if (event.hasFile()) {
                event.fileBytes().writeTo(out);
            }
            return;
        }
        TestStatus status = event.status();
        if (status == TestStatus.EXISTS) {
            return;
        }
        RoutedTestId key = RoutedTestId.of(event);
        OpenTest test = open.computeIfAbsent(key, k -> new OpenTest(event.testId(), event.timestamp()));
        test.add(event);
        if (status.isFinal()) {
            open.remove(key);
            writeTest(test);
        }
    }

    /** Writes every test still open as a failure, most recently started first, then flushes. */
    @Override
    public void stopRun() {
        try {
            List<OpenTest> unfinished = new ArrayList<>(open.values());
            open.clear();
            for (int i = unfinished.size() - 1; i >= 0; i--) {
                OpenTest test = unfinished.get(i);
                test.end = null; // python-subunit knows no end time for a test that never ended
                writeTest(test);
            }
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes out what is gathered; tests still open stay open. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the run ({@link #stopRun()}) and closes the underlying stream. */
    @Override
    public void close() {
        try (out) {
            stopRun();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTest(OpenTest test) throws IOException {
        if (test.start != null) {
            line("time: " + formatTime(test.start));
        }
        if (!test.tags.isEmpty()) {
            line("tags: " + String.join(" ", test.tags));
        }
        line("test: " + test.id);
        if (test.end != null) {
            line("time: " + formatTime(test.end));
        }
        line(outcomeWord(test.status) + ": " + test.id + " [ multipart");
        List<String> names = new ArrayList<>(test.files.keySet());
        names.sort(CodePointOrder.CODE_POINTS);
        for (String name : names) {
            Attachment file = test.files.get(name);
            line("Content-Type: " + MimeHeader.of(file.mimeType));
            line(name);
            writeChunked(file.chunks);
        }
        line("]");
        if (!test.tags.isEmpty()) {
            List<String> gone = new ArrayList<>();
            for (String tag : test.tags) {
                gone.add("-" + tag);
            }
            line("tags: " + String.join(" ", gone));
        }
    }

    /** python-subunit's {@code chunked.Encoder}: gather writes, emit a chunk when 64 KiB would be reached. */
    private void writeChunked(List<Bytes> writes) throws IOException {
        List<Bytes> gathered = new ArrayList<>();
        int gatheredSize = 0;
        for (Bytes bytes : writes) {
            if (gatheredSize + bytes.size() >= CHUNK) {
                ascii(Integer.toHexString(gatheredSize + bytes.size()).toUpperCase(Locale.ROOT) + "\r\n");
                for (Bytes g : gathered) {
                    g.writeTo(out);
                }
                bytes.writeTo(out);
                gathered.clear();
                gatheredSize = 0;
            } else {
                gathered.add(bytes);
                gatheredSize += bytes.size();
            }
        }
        if (gatheredSize > 0) {
            ascii(Integer.toHexString(gatheredSize).toUpperCase(Locale.ROOT) + "\r\n");
            for (Bytes g : gathered) {
                g.writeTo(out);
            }
        }
        ascii("0\r\n");
    }

    private static String outcomeWord(TestStatus status) {
        switch (status) {
            case SUCCESS:
                return "successful";
            case SKIP:
                return "skip";
            case EXPECTED_FAIL:
                return "xfail";
            case UNEXPECTED_SUCCESS:
                return "uxsuccess";
            default:
                return "failure"; // fail, and tests that never finished
        }
    }

    /**
     * {@code 2024-02-29 23:59:58.123456Z}: microseconds, rounded half to even from the nanoseconds
     * as python-subunit's {@code timedelta(microseconds=nanos / 1000)} rounds them.
     */
    static String formatTime(Instant t) {
        long micros = (long) Math.rint(t.getNano() / 1000.0);
        LocalDateTime utc = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC)
                .plusNanos(micros * 1000);
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d.%06dZ",
                utc.getYear(),
                utc.getMonthValue(),
                utc.getDayOfMonth(),
                utc.getHour(),
                utc.getMinute(),
                utc.getSecond(),
                utc.getNano() / 1000);
    }

    private void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private void ascii(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static final class Attachment {
        final String mimeType;
        final List<Bytes> chunks = new ArrayList<>();

        Attachment(String mimeType) {
            this.mimeType = mimeType;
        }
    }

    /** What testtools' {@code _TestRecord} keeps of a test until it ends. */
    private static final class OpenTest {
        final String id;
        final Instant start;
        Instant end;
        TestStatus status = TestStatus.IN_PROGRESS;
        Set<String> tags = Set.of();
        final Map<String, Attachment> files = new LinkedHashMap<>();

        OpenTest(String id, Instant start) {
            this.id = id;
            this.start = start;
        }

        void add(Event event) {
            if (event.status() != TestStatus.NONE) {
                status = event.status();
            }
            end = event.timestamp();
            if (event.hasFile() && !event.fileBytes().isEmpty()) {
                // the MIME type counts only on a file's first chunk
                files.computeIfAbsent(event.fileName(), name -> new Attachment(event.mimeType()))
                        .chunks
                        .add(event.fileBytes());
            }
            if (!event.tags().isEmpty()) {
                tags = event.tags();
            }
        }
    }

    /** Python sorts strings by code point; Java's {@code String.compareTo} by UTF-16 unit. */
    private enum CodePointOrder implements Comparator<String> {
        CODE_POINTS;

        @Override
        public int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }
}
