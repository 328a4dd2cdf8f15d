package org.testr4j.subunit.v2;

import java.io.IOException;

/**
 * A subunit stream that is not well formed, with where it went wrong.
 *
 * <p>Thrown by a {@link PacketReader} in strict mode; a lenient reader turns the same problems into
 * {@code subunit.parser} events instead. The message reads {@code "packet at byte 4096: Bad
 * checksum - calculated (0x1), stored (0x2)"}.
 */
public final class SubunitFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public SubunitFormatException(long offset, String reason) {
        super("packet at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** The byte offset in the stream where the bad packet began. */
    public long offset() {
        return offset;
    }

    /** What was wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
