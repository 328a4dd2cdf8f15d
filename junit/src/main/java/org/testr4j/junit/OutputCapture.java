package org.testr4j.junit;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Turns what tests print to {@code System.out} and {@code System.err} into {@code stdout}/{@code
 * stderr} file chunks of the test that printed it, so nothing a test prints reaches the stream's own
 * standard output.
 *
 * <p>Bytes belong to the test running on the printing thread, else to the test started most recently
 * and still running, else to no test (output between tests: file events without a test id). Each
 * thread's bytes are sent on a newline, on {@code flush()}, every 4 KiB and when its test ends, so a
 * test's output streams out as it comes and is never held whole. While installed, {@code System.in}
 * is empty: a test must not read the worker's feed.
 *
 * <pre>{@code
 * OutputCapture capture = new OutputCapture(sink, clock);
 * try (OutputCapture.Installed on = capture.install()) {
 *     capture.testStarted("pkg.T.adds");
 *     System.out.println("hi"); // file "stdout" of pkg.T.adds: "hi\n"
 *     capture.testFinished("pkg.T.adds");
 * }
 * }</pre>
 */
final class OutputCapture {
    static final String MIME_TYPE = "text/plain; charset=utf8";
    private static final int CHUNK = 4096;

    private final StreamResult sink;
    private final Clock clock;
    private final ThreadLocal<Deque<String>> testsOnThread = ThreadLocal.withInitial(ArrayDeque::new);
    private final Deque<String> running = new ConcurrentLinkedDeque<>();
    private final Channel stdout = new Channel("stdout");
    private final Channel stderr = new Channel("stderr");

    OutputCapture(StreamResult sink, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Replaces {@code System.out}, {@code System.err} and {@code System.in} until closed. */
    Installed install() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        return () -> {
            System.out.flush();
            System.err.flush();
            flushAll();
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        };
    }

    /** Output on this thread belongs to {@code testId} from now on, until it finishes. */
    void testStarted(String testId) {
        testsOnThread.get().push(testId);
        running.push(testId);
    }

    /** Sends this thread's pending output for {@code testId}, which ends now. */
    void testFinished(String testId) {
        stdout.flushThisThread();
        stderr.flushThisThread();
        testsOnThread.get().remove(testId);
        running.remove(testId);
    }

    /** Sends every thread's pending bytes: at the end of a run, or when the JVM exits under a test. */
    void flushAll() {
        stdout.flushAll();
        stderr.flushAll();
    }

    private String owner() {
        String onThread = testsOnThread.get().peek();
        return onThread != null ? onThread : running.peek();
    }

    private void send(String fileName, byte[] bytes, int length) {
        String owner = owner();
        Event.Builder chunk = owner == null
                ? Event.builder()
                : Event.test(owner).runnable(TestIds.runnable(owner, TestIds.Kind.METHOD));
        sink.status(chunk.file(fileName, Bytes.of(bytes, 0, length))
                .mimeType(MIME_TYPE)
                .timestamp(clock.instant())
                .build());
    }

    /** What {@link #install()} undoes when closed. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    /** One of the two streams: a pending buffer per printing thread. */
    private final class Channel extends OutputStream {
        private final String fileName;
        private final Set<Pending> all = ConcurrentHashMap.newKeySet();
        private final ThreadLocal<Pending> mine = ThreadLocal.withInitial(this::newPending);

        Channel(String fileName) {
            this.fileName = fileName;
        }

        private Pending newPending() {
            Pending pending = new Pending();
            all.add(pending);
            return pending;
        }

        @Override
        public void write(int b) {
            Pending pending = mine.get();
            synchronized (pending) {
                pending.write(b);
                if (b == '\n' || pending.size() >= CHUNK) {
                    pending.sendTo(this);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Pending pending = mine.get();
            synchronized (pending) {
                pending.write(b, off, len);
                if (pending.size() >= CHUNK || contains(b, off, len, (byte) '\n')) {
                    pending.sendTo(this);
                }
            }
        }

        @Override
        public void flush() {
            flushThisThread();
        }

        void flushThisThread() {
            Pending pending = mine.get();
            synchronized (pending) {
                pending.sendTo(this);
            }
        }

        void flushAll() {
            for (Pending pending : all) {
                synchronized (pending) {
                    pending.sendTo(this);
                }
            }
        }

        private static boolean contains(byte[] b, int off, int len, byte wanted) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == wanted) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Bytes one thread printed and that are not sent yet. */
    private final class Pending extends ByteArrayOutputStream {
        void sendTo(Channel channel) {
            if (count > 0) {
                send(channel.fileName, buf, count);
                reset();
            }
        }
    }
}
