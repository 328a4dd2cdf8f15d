package org.testr4j.subunit.v1;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** How a test's input reaches the reader: all at once, or one byte per read (which finds buffer bugs). */
enum InputShape {
    WHOLE {
        @Override
        InputStream of(byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
    },
    ONE_BYTE_AT_A_TIME {
        @Override
        InputStream of(byte[] bytes) {
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
        }
    };

    abstract InputStream of(byte[] bytes);
}
