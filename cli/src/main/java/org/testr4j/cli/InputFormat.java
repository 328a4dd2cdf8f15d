package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.testr4j.subunit.StreamFormat;
import org.testr4j.subunit.SubunitReader;

/**
 * Which subunit version a stream to load is in, told from its first bytes, and the one place
 * where a stream becomes the v2 bytes the repository stores: v2 as it arrived, byte for byte;
 * v1 read by testr4j's own v1 reader and encoded as v2.
 */
enum InputFormat {
    V2,
    V1;

    /** Looks at the start of {@code in} without consuming it. */
    static InputFormat detect(BufferedInputStream in) throws IOException {
        return StreamFormat.detect(in) == StreamFormat.V1 ? V1 : V2;
    }

    /** The stream as v2 bytes. */
    InputStream toV2(InputStream in) {
        return this == V2 ? in : new V2Bytes(SubunitReader.lenient(in, StreamFormat.V1));
    }
}
