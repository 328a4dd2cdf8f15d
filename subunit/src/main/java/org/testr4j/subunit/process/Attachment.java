package org.testr4j.subunit.process;

import java.util.Objects;
import org.testr4j.subunit.Bytes;

/**
 * One whole file attached to a test: every chunk of it joined in order.
 *
 * @param name the file name ({@code traceback}, {@code stdout})
 * @param mimeType its MIME type, or null when no chunk gave one
 * @param content the joined content
 */
public record Attachment(String name, String mimeType, Bytes content) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** True when the MIME type says text (or none is given, as for python's {@code stdout} chunks). */
    public boolean isText() {
        return mimeType == null
                || mimeType.startsWith("text/")
                || mimeType.contains("json")
                || mimeType.contains("xml");
    }
}
