package org.testr4j.subunit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a test hands bytes to a reader: all at once, or in the short reads a pipe gives (okio's
 * {@code Factory} trick). A reader must find the same packets whatever the shape.
 *
 * <p>Non-subunit output between packets is handed on as it arrives, so its chunking follows the
 * shape: compare such streams after {@link #joinOutput(List)}.
 *
 * <pre>{@code
 * @ParameterizedTest @EnumSource(InputShape.class)
 * void reads(InputShape shape) { PacketReader.lenient(shape.open(bytes)).readAll(rec); }
 * }</pre>
 */
public enum InputShape {
    /** A {@link ByteArrayInputStream}: everything available at once, as from a file. */
    WHOLE {
        @Override
        public InputStream open(byte[] data) {
            return new ByteArrayInputStream(data);
        }
    },
    /** One byte per read, nothing ever available without blocking. */
    ONE_BYTE_AT_A_TIME {
        @Override
        public InputStream open(byte[] data) {
            return new ChunkedInputStream(data, new Random(0), 1);
        }
    },
    /** Reads of 1 to 4096 bytes chosen at random (seeded, so a failure repeats). */
    RANDOM_CHUNKS {
        @Override
        public InputStream open(byte[] data) {
            return new ChunkedInputStream(data, new Random(data.length), 4096);
        }
    };

    /** A fresh stream over {@code data}. */
    public abstract InputStream open(byte[] data);

    /**
     * The events with each run of adjacent non-subunit chunks (file events with no test id, status,
     * MIME type, eof or route, as a reader emits them) joined into one.
     */
    public static List<Event> joinOutput(List<Event> events) {
        List<Event> joined = new ArrayList<>();
        for (Event e : events) {
            int last = joined.size() - 1;
            if (last >= 0
                    && isOutputChunk(e)
                    && isOutputChunk(joined.get(last))
                    && joined.get(last).fileName().equals(e.fileName())) {
                Event before = joined.get(last);
                byte[] a = before.fileBytes().toByteArray();
                byte[] b = e.fileBytes().toByteArray();
                byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                joined.set(
                        last,
                        before.toBuilder()
                                .file(before.fileName(), Bytes.of(both))
                                .build());
            } else {
                joined.add(e);
            }
        }
        return joined;
    }

    private static boolean isOutputChunk(Event e) {
        return e.hasFile()
                && e.testId() == null
                && e.status() == TestStatus.NONE
                && e.mimeType() == null
                && !e.eof()
                && e.routeCode() == null
                && e.timestamp() == null
                && e.tags().isEmpty()
                && e.runnable();
    }

    /** Hands out at most {@code maxChunk} bytes per read and reports nothing available. */
    private static final class ChunkedInputStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private final int maxChunk;
        private int pos;

        ChunkedInputStream(byte[] data, Random random, int maxChunk) {
            this.data = data;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxChunk));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
