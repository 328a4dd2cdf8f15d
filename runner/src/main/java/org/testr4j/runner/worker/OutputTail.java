package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Reads {@code in} to its end on a daemon thread named {@code threadName}, so a process never
     * blocks on a full stderr pipe, and completes with the last {@code capacity} bytes as text.
     */
    static CompletableFuture<String> drain(InputStream in, int capacity, String threadName) {
        CompletableFuture<String> tail = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    OutputTail kept = new OutputTail(capacity);
                    byte[] buf = new byte[8192];
                    try (in) {
                        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                            kept.append(buf, 0, n);
                        }
                        tail.complete(kept.text());
                    } catch (IOException e) {
                        tail.complete(kept.text() + "\n(reading stderr failed: " + e.getMessage() + ")");
                    }
                },
                threadName);
        t.setDaemon(true);
        t.start();
        return tail;
    }
}
