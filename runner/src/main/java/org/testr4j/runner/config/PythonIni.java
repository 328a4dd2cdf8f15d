package org.testr4j.runner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads INI text exactly as Python's {@code configparser.ConfigParser()} does, which is what
 * testrepository and stestr use: {@code =} or {@code :} after the key, keys lower-cased, whole-line
 * comments only ({@code #} or {@code ;}, even indented, so {@code a=b # c} keeps {@code # c}),
 * values continued on more deeply indented lines and joined with a newline, blank lines kept inside
 * a value, {@code %(key)s} and {@code %%} interpolation, duplicate keys refused. No library we
 * tried reads these rules (docs/DEPENDENCIES.md), and a project's existing {@code .testr.conf} has
 * to mean the same thing here as under testr. Only the {@code [DEFAULT]} section is kept: it is
 * the only one testrepository reads.
 */
final class PythonIni {
    /** One key of {@code [DEFAULT]}: its raw (not yet interpolated) value and the line it starts on. */
    record Entry(String key, String rawValue, int line) {}

    private static final String DEFAULT_SECTION = "DEFAULT";
    private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)\\]");
    private static final Pattern OPTION =
            Pattern.compile("(?<option>.*?)\\s*(?<delimiter>=|:)\\s*(?<value>.*)$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");
    private static final int MAX_INTERPOLATION_DEPTH = 10; // configparser.MAX_INTERPOLATION_DEPTH

    private PythonIni() {}

    /** The keys of {@code [DEFAULT]} in file order, with raw values, as configparser would hold them. */
    static Map<String, Entry> readDefaults(List<String> lines, Path file) throws ConfigException {
        Map<String, Entry> defaults = new LinkedHashMap<>();
        Map<String, List<String>> pending = new LinkedHashMap<>();
        Map<String, Integer> startLine = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>(); // "section\0key" and "section", for configparser's strict mode
        String section = null;
        String option = null;
        int indentLevel = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String stripped = strip(line);
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            String value = comment ? "" : stripped;
            if (value.isEmpty()) {
                // configparser keeps blank lines inside a value (trailing ones are stripped at the end)
                if (!comment && DEFAULT_SECTION.equals(section) && option != null) {
                    pending.get(option).add("");
                }
                continue;
            }
            int indent = indentOf(line);
            if (section != null && option != null && indent > indentLevel) {
                if (DEFAULT_SECTION.equals(section)) {
                    pending.get(option).add(value);
                }
                continue;
            }
            indentLevel = indent;
            Matcher header = SECTION.matcher(value);
            if (header.lookingAt()) {
                section = header.group("header");
                if (!section.equals(DEFAULT_SECTION) && !seen.add(section)) {
                    throw new ConfigException(
                            file,
                            lineNo,
                            null,
                            "section [" + section + "] appears twice (Python's configparser refuses this)");
                }
                option = null;
                continue;
            }
            if (section == null) {
                throw new ConfigException(
                        file, lineNo, null, "expected the section header [DEFAULT] before any key, found: " + line);
            }
            Matcher m = OPTION.matcher(value);
            if (!m.matches() || m.group("option").isEmpty()) {
                throw new ConfigException(file, lineNo, null, "expected 'key = value' or 'key: value', found: " + line);
            }
            option = rstrip(m.group("option")).toLowerCase(Locale.ROOT);
            if (!seen.add(section + '\0' + option)) {
                throw new ConfigException(
                        file, lineNo, option, "set twice in [" + section + "] (Python's configparser refuses this)");
            }
            if (DEFAULT_SECTION.equals(section)) {
                List<String> parts = new ArrayList<>();
                parts.add(strip(m.group("value")));
                pending.put(option, parts);
                startLine.put(option, lineNo);
            }
        }
        for (Map.Entry<String, List<String>> e : pending.entrySet()) {
            String joined = rstrip(String.join("\n", e.getValue()));
            defaults.put(e.getKey(), new Entry(e.getKey(), joined, startLine.get(e.getKey())));
        }
        return defaults;
    }

    /**
     * The value of {@code key} after configparser's basic interpolation: {@code %%} is a percent
     * sign, {@code %(name)s} is another key's value; any other {@code %} is an error.
     */
    static String interpolate(Entry entry, Map<String, Entry> defaults, Path file) throws ConfigException {
        StringBuilder out = new StringBuilder();
        interpolate(entry, entry.rawValue(), defaults, file, out, 1);
        return out.toString();
    }

    /** The keys that {@code %(key)s} references in {@code raw}, lower-cased as configparser looks them up. */
    static Set<String> references(String raw) {
        Set<String> names = new HashSet<>();
        Matcher m = REFERENCE.matcher(raw);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static void interpolate(
            Entry entry, String rest, Map<String, Entry> defaults, Path file, StringBuilder out, int depth)
            throws ConfigException {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw new ConfigException(
                    file,
                    entry.line(),
                    entry.key(),
                    "%(...)s references nest deeper than " + MAX_INTERPOLATION_DEPTH + " (a key refers to itself?)");
        }
        while (!rest.isEmpty()) {
            int p = rest.indexOf('%');
            if (p < 0) {
                out.append(rest);
                return;
            }
            out.append(rest, 0, p);
            rest = rest.substring(p);
            if (rest.startsWith("%%")) {
                out.append('%');
                rest = rest.substring(2);
            } else if (rest.startsWith("%(")) {
                Matcher m = REFERENCE.matcher(rest);
                if (!m.lookingAt()) {
                    throw new ConfigException(file, entry.line(), entry.key(), "bad %(name)s reference at: " + rest);
                }
                String name = m.group(1).toLowerCase(Locale.ROOT);
                rest = rest.substring(m.end());
                Entry target = defaults.get(name);
                if (target == null) {
                    throw new ConfigException(
                            file,
                            entry.line(),
                            entry.key(),
                            "%(" + m.group(1) + ")s refers to a key that is not set in [DEFAULT]");
                }
                if (target.rawValue().indexOf('%') >= 0) {
                    interpolate(entry, target.rawValue(), defaults, file, out, depth + 1);
                } else {
                    out.append(target.rawValue());
                }
            } else {
                throw new ConfigException(
                        file,
                        entry.line(),
                        entry.key(),
                        "'%' must be followed by '%' or '(' (write %% for a percent sign), found: " + rest);
            }
        }
    }

    /** Python's {@code str.isspace} for the characters that matter here. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && isPythonSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String strip(String s) {
        return rstrip(s.substring(indentOf(s)));
    }

    private static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
