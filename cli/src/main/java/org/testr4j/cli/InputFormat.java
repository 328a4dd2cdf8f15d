package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Which subunit version a stream to load is in, told from its first bytes, and the one place
 * where a stream becomes the v2 bytes the repository stores.
 */
enum InputFormat {
    V2,
    V1;

    private static final int SIGNATURE = 0xB3;
    private static final int PEEK = 4096;
    private static final Pattern V1_LINE = Pattern.compile(
            "(?m)^(test|testing|time|tags|success|successful|failure|error|skip|xfail|uxsuccess|progress)" + "(:|\\s)");

    /** Looks at the start of {@code in} (which must support mark) without consuming it. */
    static InputFormat detect(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        if (head.length == 0 || (head[0] & 0xFF) == SIGNATURE) {
            return V2;
        }
        for (byte b : head) {
            if ((b & 0xFF) == SIGNATURE) {
                return V2; // text before the first packet: output interleaved with v2
            }
        }
        return V1_LINE.matcher(new String(head, StandardCharsets.ISO_8859_1)).find() ? V1 : V2;
    }

    /**
     * The stream as v2 bytes. This is the seam where the v1 reader plugs in: until testr4j reads
     * v1 itself, v1 goes through python-subunit's {@code subunit-1to2} when it is installed (stestr
     * and testrepository users have it), and is refused with a remedy when it is not.
     */
    InputStream toV2(InputStream in, String label) throws IOException {
        if (this == V2) {
            return in;
        }
        return V1Conversion.start(in, label);
    }
}
