package org.testr4j.subunit.v2;

import java.util.Objects;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * One thing a {@link PacketReader} found in a byte stream, with the byte offset where it began.
 *
 * <p>Each item knows how to hand itself to a {@link StreamResult}, the way python-subunit does:
 * a packet as its event, interleaved bytes as a file event with no test id, corruption as two
 * {@code subunit.parser} events (the raw bytes, then a failure holding the message).
 */
public sealed interface StreamItem permits StreamItem.Packet, StreamItem.Interleaved, StreamItem.Corrupt {
    /** The test id python-subunit gives to parser errors; downstream tools count it as a failure. */
    String PARSER_TEST_ID = "subunit.parser";

    /** Where this item began in the stream. */
    long offset();

    /** Passes this item on as the events python-subunit would emit for it. */
    void deliverTo(StreamResult sink);

    /** A well-formed packet. */
    record Packet(long offset, int length, Event event) implements StreamItem {
        public Packet {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public void deliverTo(StreamResult sink) {
            sink.status(event);
        }
    }

    /** Bytes between packets that are not subunit (a build's output, a stray print). */
    record Interleaved(long offset, Bytes bytes, String name) implements StreamItem {
        public Interleaved {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(name, "name");
        }

        /** The file event python-subunit emits for these bytes: no test id, no status, no eof. */
        public Event event() {
            return Event.builder().file(name, bytes).build();
        }

        @Override
        public void deliverTo(StreamResult sink) {
            sink.status(event());
        }
    }

    /**
     * A packet that could not be read.
     *
     * @param raw the bad bytes (at most the first {@link PacketReader#MAX_RAW_KEPT} of them)
     * @param skipped how many bytes the reader passed over before it found the next packet
     * @param reason what was wrong, in python-subunit's words where it has them
     */
    record Corrupt(long offset, Bytes raw, long skipped, String reason) implements StreamItem {
        public Corrupt {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
        }

        /** The full message: where, and what was wrong. */
        public String message() {
            return "packet at byte " + offset + ": " + reason;
        }

        @Override
        public void deliverTo(StreamResult sink) {
            sink.status(Event.test(PARSER_TEST_ID)
                    .file("Packet data", raw)
                    .mimeType("application/octet-stream")
                    .eof(true)
                    .build());
            sink.status(Event.test(PARSER_TEST_ID)
                    .status(TestStatus.FAIL)
                    .file("Parser Error", Bytes.utf8(message()))
                    .mimeType("text/plain;charset=utf8")
                    .eof(true)
                    .build());
        }
    }
}
