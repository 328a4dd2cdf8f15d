package org.testr4j.repository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

/** Builds small v2 streams for tests: each test starts, maybe attaches a traceback, and ends. */
final class StreamBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PacketWriter writer = PacketWriter.to(bytes);
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** A test that takes {@code millis} and ends with {@code status}; failures carry a traceback. */
    StreamBuilder test(String id, TestStatus status, long millis) {
        emit(Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(now).build());
        now = now.plusMillis(millis);
        if (status.isFailure()) {
            emit(Event.test(id)
                    .file("traceback", Bytes.utf8("Traceback: " + id + " broke\n"))
                    .mimeType("text/plain;charset=utf8")
                    .eof(true)
                    .timestamp(now)
                    .build());
        }
        emit(Event.test(id).status(status).timestamp(now).build());
        return this;
    }

    StreamBuilder test(String id, TestStatus status) {
        return test(id, status, 10);
    }

    /** A test that starts and never ends. */
    StreamBuilder started(String id) {
        emit(Event.test(id).status(TestStatus.IN_PROGRESS).timestamp(now).build());
        return this;
    }

    byte[] build() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void emit(Event event) {
        writer.status(event);
    }
}
