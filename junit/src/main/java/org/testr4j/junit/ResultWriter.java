package org.testr4j.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/**
 * The worker's subunit v2 output: thread-safe, and flushed after every result, so the runner sees
 * each test end as it happens and knows when a fed batch is done.
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
        if (event.status().isFinal() || event.status() == TestStatus.EXISTS) {
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
