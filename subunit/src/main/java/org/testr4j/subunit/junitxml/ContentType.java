package org.testr4j.subunit.junitxml;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An attachment's MIME type as testtools reads it ({@code _make_content_type}): no type means
 * {@code application/octet-stream}, text is decoded with its {@code charset} or ISO-8859-1.
 *
 * @param type the primary type ({@code text})
 * @param subtype the subtype ({@code plain})
 * @param parameters the parameters, names in lower case, sorted
 */
record ContentType(String type, String subtype, Map<String, String> parameters) {
    static final ContentType OCTET_STREAM = new ContentType("application", "octet-stream", Map.of());

    /** Parses {@code mimeType} as python's {@code cgi.parse_header}; null or unparsable is octet-stream. */
    static ContentType parse(String mimeType) {
        if (mimeType == null) {
            return OCTET_STREAM;
        }
        String[] parts = mimeType.split(";");
        String full = parts[0].strip();
        int slash = full.indexOf('/');
        if (slash < 0 || full.indexOf('/', slash + 1) >= 0) {
            return OCTET_STREAM; // python raises "Can't parse type"; we treat it as bytes
        }
        TreeMap<String, String> parameters = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq >= 0) {
                String value = parts[i].substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.put(parts[i].substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        parameters.computeIfPresent("charset", (k, v) -> v.indexOf(',') >= 0 ? v.substring(0, v.indexOf(',')) : v);
        return new ContentType(
                full.substring(0, slash).strip(), full.substring(slash + 1).strip(), parameters);
    }

    boolean isText() {
        return type.equals("text");
    }

    /** The charset to decode text with; one Java does not know falls back to ISO-8859-1. */
    Charset charset() {
        String name = parameters.get("charset");
        if (name == null) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** testtools' {@code repr}: {@code text/plain; charset="utf8"}. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return type + "/" + subtype;
        }
        return type + "/" + subtype + "; "
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining("; "));
    }
}
