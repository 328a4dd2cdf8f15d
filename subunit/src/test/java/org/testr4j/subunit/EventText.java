package org.testr4j.subunit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code .events} text form of events, one per line: the golden files' readable side.
 *
 * <pre>{@code
 * <status> [id=T] [tags=T,T...] [at=ISO] [route=T] [mime=T] [file=T data=D] [eof] [notrunnable]
 * success id=pkg.T.t tags=worker-0 at=2024-02-29T23:59:58.123456000Z route=0/1
 * }</pre>
 *
 * <p>status is python-subunit's name or {@code none}. A text writes the UTF-8 bytes of space, '%',
 * ',', '*', '=' and of anything unprintable as {@code %XX}. Data writes printable ASCII but those
 * five as is and every other byte as {@code %XX}; 8 or more copies of one byte read {@code x*70}.
 * Lines starting with {@code #} are comments. The python twin is {@code
 * subunit/src/test/golden/events_text.py}; keep the two in step.
 */
public final class EventText {
    private static final String SPECIAL = " %,*=";
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventText() {}

    /** The events in {@code text}, skipping comments and blank lines. */
    public static List<Event> parseAll(String text) {
        List<Event> events = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                events.add(parse(line));
            }
        }
        return events;
    }

    /** One event per line. */
    public static String formatAll(List<Event> events) {
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
            out.append(format(e)).append('\n');
        }
        return out.toString();
    }

    public static String format(Event e) {
        StringBuilder out = new StringBuilder(
                e.status() == TestStatus.NONE ? "none" : e.status().wireName());
        if (e.testId() != null) {
            out.append(" id=").append(text(e.testId()));
        }
        if (!e.tags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            for (String tag : e.tags()) {
                tags.add(text(tag));
            }
            out.append(" tags=").append(String.join(",", tags));
        }
        if (e.timestamp() != null) {
            out.append(" at=").append(AT.format(e.timestamp()));
        }
        if (e.routeCode() != null) {
            out.append(" route=").append(text(e.routeCode()));
        }
        if (e.mimeType() != null) {
            out.append(" mime=").append(text(e.mimeType()));
        }
        if (e.hasFile()) {
            out.append(" file=").append(text(e.fileName()));
            out.append(" data=").append(data(e.fileBytes()));
        }
        if (e.eof()) {
            out.append(" eof");
        }
        if (!e.runnable()) {
            out.append(" notrunnable");
        }
        return out.toString();
    }

    public static Event parse(String line) {
        String[] parts = line.split(" ", -1);
        Event.Builder b = Event.builder().status(TestStatus.fromWireName(parts[0]));
        String fileName = null;
        Bytes data = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? null : part.substring(eq + 1);
            switch (key) {
                case "id":
                    b.testId(unescapeText(value));
                    break;
                case "tags":
                    Set<String> tags = new LinkedHashSet<>();
                    for (String tag : value.split(",", -1)) {
                        tags.add(unescapeText(tag));
                    }
                    b.tags(tags);
                    break;
                case "at":
                    b.timestamp(Instant.parse(value));
                    break;
                case "route":
                    b.routeCode(unescapeText(value));
                    break;
                case "mime":
                    b.mimeType(unescapeText(value));
                    break;
                case "file":
                    fileName = unescapeText(value);
                    break;
                case "data":
                    data = parseData(value);
                    break;
                case "eof":
                    b.eof(true);
                    break;
                case "notrunnable":
                    b.runnable(false);
                    break;
                default:
                    throw new IllegalArgumentException("unknown field '" + key + "' in event line: " + line);
            }
        }
        if ((fileName == null) != (data == null)) {
            throw new IllegalArgumentException("file= and data= go together in event line: " + line);
        }
        if (fileName != null) {
            b.file(fileName, data);
        }
        return b.build();
    }

    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (SPECIAL.indexOf(cp) >= 0 || !printable(cp)) {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", x & 0xFF));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean printable(int cp) {
        if (cp < 0x80) {
            return cp > 0x20 && cp != 0x7F;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static String data(Bytes bytes) {
        int n = bytes.size();
        boolean repeated = n >= 8;
        for (int i = 1; repeated && i < n; i++) {
            repeated = bytes.get(i) == bytes.get(0);
        }
        if (repeated) {
            return dataByte(bytes.get(0) & 0xFF) + "*" + n;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(dataByte(bytes.get(i) & 0xFF));
        }
        return out.toString();
    }

    private static String dataByte(int b) {
        if (b >= 0x21 && b <= 0x7E && SPECIAL.indexOf(b) < 0) {
            return String.valueOf((char) b);
        }
        return String.format("%%%02X", b);
    }

    private static Bytes parseData(String value) {
        int star = value.lastIndexOf('*');
        if (star >= 0) {
            byte[] one = unescape(value.substring(0, star));
            byte[] out = new byte[Integer.parseInt(value.substring(star + 1))];
            java.util.Arrays.fill(out, one[0]);
            return Bytes.of(out);
        }
        return Bytes.of(unescape(value));
    }

    private static String unescapeText(String value) {
        return new String(unescape(value), StandardCharsets.UTF_8);
    }

    private static byte[] unescape(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = value.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }
}
