package org.testr4j.runner.worker;

import java.nio.charset.StandardCharsets;

/** The last bytes a process wrote, kept in fixed memory for an error message. Not thread-safe. */
final class OutputTail {
    private final byte[] ring;
    private long written;

    OutputTail(int capacity) {
        ring = new byte[capacity];
    }

    void append(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    /** The kept bytes as text, marked "…" at the start when earlier output was dropped. */
    String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] out = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        String s = new String(out, StandardCharsets.UTF_8);
        return written > ring.length ? "…" + s : s;
    }
}
