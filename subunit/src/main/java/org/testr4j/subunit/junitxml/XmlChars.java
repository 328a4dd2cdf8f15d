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
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            keep = !(c < 0x20 && c != '\t' && c != '\n') && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
            if (!keep && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
