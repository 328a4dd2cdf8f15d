package org.testr4j.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * The worker's subunit v2 output: thread-safe, and flushed after every status (a test starting,
 * ending or listed), so the runner sees each test start and end as it happens: it times tests from
 * their start, shows them running, and knows when a fed batch is done.
 *
 * <pre>{@code
 * ResultWriter out = new ResultWriter(new FileOutputStream(FileDescriptor.out));
 * out.status(Event.test("pkg.T.adds").status(TestStatus.SUCCESS).build()); // written and flushed
 * }</pre>
 */
final class ResultWriter implements StreamResult {
    private final PacketWriter writer;

    ResultWriter(OutputStream out) {
        this.writer = PacketWriter.to(out);
    }

    @Override
    public synchronized void status(Event event) {
        writer.status(event);
        // inprogress too: the runner times tests, shows them running and hands back the ones not started
        if (event.status() != TestStatus.NONE) {
            flush();
        }
    }

    /** Pushes out what is written. */
    synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the subunit stream to standard output: " + e.getMessage(), e);
        }
    }
}
