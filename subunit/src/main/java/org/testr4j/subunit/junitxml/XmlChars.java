package org.testr4j.subunit.junitxml;

/**
 * Drops the characters XML 1.0 cannot hold, as python's junitxml {@code _strip_invalid_chars}
 * does: C0 controls other than tab and newline (so CR too), lone surrogates, U+FFFE and U+FFFF.
 *
 * <p>This is not escaping (StAX does that); no escaping can carry these characters in XML 1.0.
 */
final class XmlChars {
    private XmlChars() {}

    static String strip(String s) {
        // Most text is clean: check it in place first, without copying a body into a char array.
        int n = s.length();
        int clean = 0;
        for (char c; clean < n && ((c = s.charAt(clean)) >= 0x20 && c < 0xD800 || c == '\n' || c == '\t'); ) {
            clean++;
        }
        if (clean == n) {
            return s;
        }
        char[] cs = s.toCharArray();
        int i = 0;
        while (i < n && allowed(cs, i)) {
            i += Character.isHighSurrogate(cs[i]) ? 2 : 1;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(cs, 0, i);
        while (i < n) {
            if (allowed(cs, i)) {
                boolean pair = Character.isHighSurrogate(cs[i]);
                out.append(cs, i, pair ? 2 : 1);
                i += pair ? 2 : 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Is the character at {@code i} one XML 1.0 can hold? A surrogate counts only as a whole pair. */
    private static boolean allowed(char[] cs, int i) {
        char c = cs[i];
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c < 0x20) {
            return c == '\t' || c == '\n';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < cs.length && Character.isLowSurrogate(cs[i + 1]);
        }
        return !Character.isLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
