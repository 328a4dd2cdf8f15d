package org.testr4j.subunit.v1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type:} line python-subunit's {@code subunit-2to1} writes for a v2 MIME type:
 * parameters parsed as {@code cgi.parse_header} parses them (names lower-cased, quotes removed, a
 * repeated name keeping its first place), then written {@code type/subtype;name=value,name=value}.
 *
 * <p>{@code text/plain; charset="utf8"; a=b} becomes {@code text/plain;charset=utf8,a=b}.
 */
final class MimeHeader {
    /** What a missing or unparsable type is written as (python-subunit crashes on the latter). */
    static final String DEFAULT = "application/octet-stream";

    private MimeHeader() {}

    /** The text after {@code Content-Type: }. */
    static String of(String mimeType) {
        if (mimeType == null) {
            return DEFAULT;
        }
        List<String> parts = parseParams(";" + mimeType);
        String fullType = parts.get(0);
        if (fullType.equals("*")) {
            fullType = "*/*";
        }
        int slash = fullType.indexOf('/');
        if (slash < 0 || fullType.indexOf('/', slash + 1) >= 0) {
            return DEFAULT;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : parts.subList(1, parts.size())) {
            int eq = p.indexOf('=');
            if (eq >= 0) {
                String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = p.substring(eq + 1).strip();
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1)
                            .replace("\\\\", "\\")
                            .replace("\\\"", "\"");
                }
                params.put(name, value);
            }
        }
        String charset = params.get("charset");
        if (charset != null && charset.indexOf(',') >= 0) {
            params.put("charset", charset.substring(0, charset.indexOf(',')));
        }
        StringBuilder header = new StringBuilder()
                .append(fullType.substring(0, slash).strip())
                .append('/')
                .append(fullType.substring(slash + 1).strip());
        String separator = ";";
        for (Map.Entry<String, String> param : params.entrySet()) {
            header.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = ",";
        }
        return header.toString();
    }

    /** {@code cgi._parseparam}: split on semicolons that are not inside double quotes, strip each. */
    private static List<String> parseParams(String s) {
        List<String> parts = new ArrayList<>();
        while (s.startsWith(";")) {
            s = s.substring(1);
            int end = s.indexOf(';');
            while (end > 0 && (count(s, "\"", end) - count(s, "\\\"", end)) % 2 != 0) {
                end = s.indexOf(';', end + 1);
            }
            if (end < 0) {
                end = s.length();
            }
            parts.add(s.substring(0, end).strip());
            s = s.substring(end);
        }
        return parts;
    }

    private static int count(String s, String what, int end) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0 && i + what.length() <= end; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
