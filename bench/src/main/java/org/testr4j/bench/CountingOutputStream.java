package org.testr4j.bench;

import java.io.OutputStream;

/**
 * An output stream that discards what it is given and counts it: the writer benchmark's sink, so
 * the figure is the encoder's cost and not a disk's.
 *
 * <pre>{@code
 * CountingOutputStream out = new CountingOutputStream();
 * out.write(new byte[10], 0, 10);
 * out.count(); // 10
 * }</pre>
 */
final class CountingOutputStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
