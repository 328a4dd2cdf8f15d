package org.testr4j.subunit.v2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks the bytes of a packet's string field eight at a time: is there a NUL (never allowed), is
 * there a byte above 0x7F (so the field needs a real UTF-8 decode)?
 *
 * <p>Test ids are mostly ASCII and tens of bytes long; a byte-at-a-time loop with a branch per byte
 * was the reader's largest cost. Whole words are tested with the usual bit tricks: a word has a
 * zero byte when {@code (w - 0x0101…) & ~w & 0x8080…} is not zero.
 *
 * <pre>{@code
 * TextBytes.scan("abc".getBytes(), 0, 3) == TextBytes.ASCII
 * (TextBytes.scan(new byte[] {'a', 0}, 0, 2) & TextBytes.HAS_NUL) != 0
 * }</pre>
 */
final class TextBytes {
    /** Every byte is 1 to 0x7F. */
    static final int ASCII = 0;
    /** Some byte is above 0x7F. */
    static final int NON_ASCII = 1;
    /** Some byte is zero. */
    static final int HAS_NUL = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private TextBytes() {}

    /** {@link #ASCII}, or {@link #NON_ASCII} and {@link #HAS_NUL} or-ed together, for the bytes in range. */
    static int scan(byte[] bytes, int from, int length) {
        long zeros = 0;
        long high = 0;
        int i = from;
        int end = from + length;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            zeros |= (word - ONES) & ~word & HIGH_BITS;
            high |= word & HIGH_BITS;
        }
        for (; i < end; i++) {
            byte b = bytes[i];
            zeros |= b == 0 ? 1 : 0;
            high |= b;
        }
        return (zeros != 0 ? HAS_NUL : 0) | ((high & HIGH_BITS) != 0 ? NON_ASCII : 0);
    }
}
