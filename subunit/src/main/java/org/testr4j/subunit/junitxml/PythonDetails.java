package org.testr4j.subunit.junitxml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.testr4j.subunit.process.Attachment;

/**
 * Formats a test's attachments as one text, as testtools' {@code _details_to_str} does for the
 * bodies of failures and skips in {@code subunit2junitxml}.
 *
 * <p>Attachments are taken in name order. Binary ones are listed by name and type, blank text ones
 * by name, and the rest shown as {@code name: {{{text}}}}; the {@code special} one (the traceback)
 * comes last, bare.
 */
final class PythonDetails {
    private PythonDetails() {}

    static String format(List<Attachment> attachments, String special) {
        List<Attachment> sorted = new ArrayList<>(attachments);
        sorted.sort(Comparator.comparing(Attachment::name));
        List<String> binary = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String specialContent = null;
        for (Attachment attachment : sorted) {
            ContentType type = ContentType.parse(attachment.mimeType());
            if (!type.isText()) {
                binary.add("  " + attachment.name() + " (" + type + ")\n");
                continue;
            }
            String text = pythonStrip(text(attachment, type));
            if (text.isEmpty()) {
                empty.add("  " + attachment.name() + "\n");
            } else if (attachment.name().equals(special)) {
                specialContent = text + "\n";
            } else if (text.indexOf('\n') >= 0) {
                texts.add(attachment.name() + ": {{{\n" + text + "\n}}}\n");
            } else {
                texts.add(attachment.name() + ": {{{" + text + "}}}");
            }
        }
        if (!texts.isEmpty() && !texts.get(texts.size() - 1).endsWith("\n")) {
            texts.add("");
        }
        if (specialContent != null) {
            texts.add(specialContent);
        }
        if (binary.isEmpty() && empty.isEmpty()) {
            return String.join("\n", texts); // the usual case: no copy through a builder
        }
        StringBuilder out = new StringBuilder();
        if (!binary.isEmpty()) {
            out.append("Binary content:\n");
            binary.forEach(out::append);
        }
        if (!empty.isEmpty()) {
            out.append("Empty attachments:\n");
            empty.forEach(out::append);
        }
        if ((!binary.isEmpty() || !empty.isEmpty()) && !texts.isEmpty()) {
            out.append('\n');
        }
        return out.append(String.join("\n", texts)).toString();
    }

    /** The attachment decoded as testtools' {@code as_text} does; bad bytes become U+FFFD. */
    static String text(Attachment attachment, ContentType type) {
        return new String(attachment.content().toByteArray(), type.charset());
    }

    /** python's {@code str.strip()}: every character {@code str.isspace()} calls whitespace. */
    static String pythonStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
