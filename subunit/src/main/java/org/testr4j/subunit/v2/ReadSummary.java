package org.testr4j.subunit.v2;

/**
 * What one {@link PacketReader#readAll} pass found.
 *
 * @param packets well-formed packets
 * @param interleavedBytes bytes between packets that were not subunit
 * @param corrupt packets that could not be read (each became {@code subunit.parser} events)
 * @param bytes every byte read
 */
public record ReadSummary(long packets, long interleavedBytes, long corrupt, long bytes) {
    /** True if the stream held no corrupt packets. */
    public boolean clean() {
        return corrupt == 0;
    }
}
