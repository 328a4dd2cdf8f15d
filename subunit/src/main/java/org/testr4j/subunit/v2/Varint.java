package org.testr4j.subunit.v2;

/**
 * subunit's variable-length unsigned numbers: the top two bits of the first byte give the width
 * (1 to 4 bytes), the rest of the bits hold the value big-endian.
 *
 * <pre>{@code
 * Varint.size(63) == 1; Varint.size(64) == 2; Varint.size(16384) == 3; Varint.size(4194304) == 4
 * }</pre>
 */
final class Varint {
    static final int MAX_1 = 0x3F;
    static final int MAX_2 = 0x3FFF;
    static final int MAX_3 = 0x3FFFFF;
    static final int MAX_4 = 0x3FFFFFFF;

    private Varint() {}

    /** How many bytes {@code value} takes in the shortest form. */
    static int size(int value) {
        if (value < 0 || value > MAX_4) {
            throw new IllegalArgumentException("varint out of range 0.." + MAX_4 + ": " + value);
        }
        return value <= MAX_1 ? 1 : value <= MAX_2 ? 2 : value <= MAX_3 ? 3 : 4;
    }

    /** The width announced by a varint's first byte. */
    static int widthOf(byte first) {
        return ((first & 0xC0) >>> 6) + 1;
    }

    /** Writes {@code value} in its shortest form at {@code offset}; returns the offset after it. */
    static int write(int value, byte[] to, int offset) {
        switch (size(value)) {
            case 1:
                to[offset] = (byte) value;
                return offset + 1;
            case 2:
                to[offset] = (byte) (0x40 | (value >>> 8));
                to[offset + 1] = (byte) value;
                return offset + 2;
            case 3:
                to[offset] = (byte) (0x80 | (value >>> 16));
                to[offset + 1] = (byte) (value >>> 8);
                to[offset + 2] = (byte) value;
                return offset + 3;
            default:
                to[offset] = (byte) (0xC0 | (value >>> 24));
                to[offset + 1] = (byte) (value >>> 16);
                to[offset + 2] = (byte) (value >>> 8);
                to[offset + 3] = (byte) value;
                return offset + 4;
        }
    }

    /** Reads the value of the varint at {@code offset}; the caller has checked its width fits. */
    static int read(byte[] from, int offset) {
        int first = from[offset] & 0xFF;
        int value = first & 0x3F;
        int width = (first >>> 6) + 1;
        for (int i = 1; i < width; i++) {
            value = (value << 8) | (from[offset + i] & 0xFF);
        }
        return value;
    }
}
