package org.testr4j.subunit.process;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RoutedTestId;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Assembles each test's events into one {@link TestResult} and hands it on when the test ends.
 *
 * <p>This processor buffers by design, but only the tests in progress: a test's attachments are
 * held from its first event to its final status, then released. Tests are told apart by test id
 * and route code, so the same test running on two workers is two results. A lone {@code exists}
 * event is a result of its own. At {@link #stopRun()} every test still open is handed on with
 * status {@link TestStatus#IN_PROGRESS}: the stream ended before it did. Events without a test id
 * (output between tests) are not results and are passed over.
 *
 * <pre>{@code
 * List<TestResult> results = new ArrayList<>();
 * PacketReader.lenient(in).readAll(new TestAssembler(results::add));
 * }</pre>
 */
public final class TestAssembler implements StreamResult {
    private final Consumer<TestResult> downstream;
    private final Map<RoutedTestId, Open> open = new LinkedHashMap<>();
    /**
     * The test opened last, kept out of {@link #open} until another opens: in a stream from one
     * worker each test ends before the next starts, so its events find it by comparing ids, with
     * no id hashed (a fifth of assembling a million tests). Opened after everything in the map.
     */
    private Open newest;

    public TestAssembler(Consumer<TestResult> downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** How many tests have started and not yet ended. */
    public int inProgress() {
        return open.size() + (newest == null ? 0 : 1);
    }

    @Override
    public void status(Event event) {
        if (event.testId() == null) {
            return;
        }
        TestStatus status = event.status();
        if (newest != null && newest.isOf(event)) {
            newest.add(event);
            if (status.isFinal()) {
                Open ended = newest;
                newest = null;
                downstream.accept(ended.finish(event));
            }
            return;
        }
        RoutedTestId key = open.isEmpty() ? null : RoutedTestId.of(event);
        Open test = key == null ? null : open.get(key);
        if (test != null) {
            test.add(event);
            if (status.isFinal()) {
                open.remove(key);
                downstream.accept(test.finish(event));
            }
            return;
        }
        test = new Open(event);
        test.add(event);
        if (status.isFinal() || status == TestStatus.EXISTS) {
            downstream.accept(test.finish(event)); // a lone exists is a result of its own
            return;
        }
        if (newest != null) {
            open.put(RoutedTestId.of(newest.testId, newest.routeCode), newest);
        }
        newest = test;
    }

    /**
     * Assembles one test from all its events, the way this class does for a stream: the same rules
     * for {@link TestFilter}, which buffers events rather than results.
     *
     * @param events the test's events in arrival order, {@code end} included; not empty
     * @param end its final (or lone {@code exists}) event, or null if the stream ended first
     */
    static TestResult assemble(List<Event> events, Event end) {
        Open test = new Open(events.get(0));
        for (Event event : events) {
            test.add(event);
        }
        return test.finish(end);
    }

    @Override
    public void stopRun() {
        List<Open> unfinished = new ArrayList<>(open.values());
        if (newest != null) {
            unfinished.add(newest);
        }
        open.clear();
        newest = null;
        for (Open test : unfinished) {
            downstream.accept(test.finish(null));
        }
    }

    /** A test between its first event and its final status. */
    private static final class Open {
        private final String testId;
        private final String routeCode;
        private final Instant start;
        private final Map<String, FileParts> files = new LinkedHashMap<>();
        private Set<String> tags;
        private boolean runnable;
        private Instant last;

        Open(Event first) {
            testId = first.testId();
            routeCode = first.routeCode();
            start = first.timestamp();
            tags = first.tags();
            runnable = first.runnable();
        }

        boolean isOf(Event event) {
            return testId.equals(event.testId()) && Objects.equals(routeCode, event.routeCode());
        }

        void add(Event event) {
            if (event.timestamp() != null) {
                last = event.timestamp();
            }
            if (event.status() != TestStatus.NONE) {
                runnable = event.runnable();
            }
            // An empty set is how a packet without tags reads, so it does not clear earlier tags:
            // testtools keeps the most recent tags any event of the test carried.
            if (!event.tags().isEmpty()) {
                tags = event.tags();
            }
            if (event.hasFile()) {
                files.computeIfAbsent(event.fileName(), n -> new FileParts()).add(event);
            }
        }

        TestResult finish(Event end) {
            List<Attachment> attachments = new ArrayList<>(files.size());
            files.forEach((name, parts) -> attachments.add(parts.toAttachment(name)));
            TestStatus status = end == null ? TestStatus.IN_PROGRESS : end.status();
            Instant stop = end == null ? last : end.timestamp() != null ? end.timestamp() : last;
            return new TestResult(testId, status, tags, runnable, routeCode, start, stop, attachments);
        }
    }

    /** The chunks of one file so far; most files are one chunk, kept as it came, with no copy. */
    private static final class FileParts {
        private Bytes only;
        private ByteArrayOutputStream joined;
        private String mimeType;

        void add(Event event) {
            if (mimeType == null && event.mimeType() != null) {
                mimeType = event.mimeType();
            }
            Bytes chunk = event.fileBytes();
            if (only == null && joined == null) {
                only = chunk;
                return;
            }
            if (joined == null) {
                joined = new ByteArrayOutputStream(only.size() + chunk.size());
                append(only);
                only = null;
            }
            append(chunk);
        }

        private void append(Bytes chunk) {
            try {
                chunk.writeTo(joined);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        Attachment toAttachment(String name) {
            Bytes content = joined == null ? only : Bytes.of(joined.toByteArray());
            return new Attachment(name, mimeType, content);
        }
    }
}
