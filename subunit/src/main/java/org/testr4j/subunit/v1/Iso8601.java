package org.testr4j.subunit.v1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps of v1 {@code time:} lines, read as python-subunit's {@code iso8601.parse_date} reads
 * them: {@code 2024-01-02 03:04:05.123456Z}, any separator between date and time, an optional
 * {@code +HH:MM} offset (UTC when absent), and anything after the timestamp ignored.
 */
final class Iso8601 {
    /** python-subunit's pattern, with {@code [^\n]} for its {@code .} because Python's dot matches {@code \r}. */
    private static final Pattern DATE_TIME =
            Pattern.compile("(?<year>[0-9]{4})(-(?<month>[0-9]{1,2})(-(?<day>[0-9]{1,2})"
                    + "((?<separator>[^\\n])(?<hour>[0-9]{2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2})(\\.(?<fraction>[0-9]+))?)?"
                    + "(?<timezone>Z|(?<sign>[-+])(?<tzhours>[0-9]{2}):(?<tzminutes>[0-9]{2}))?)?)?)?");

    /** v2 timestamps are unsigned 32-bit seconds since 1970. */
    private static final long MAX_V2_SECONDS = 0xFFFFFFFFL;

    private Iso8601() {}

    /**
     * The instant {@code text} names, with microseconds as Python computes them ({@code
     * int(float("0." + fraction) * 1e6)}).
     *
     * @param text the bytes after {@code time:}, one char per byte
     * @throws IllegalArgumentException saying what is wrong, if {@code text} is not a full date and
     *     time or lies outside what a v2 stream can carry (1970 to 2106)
     */
    static Instant parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.lookingAt() || m.group("second") == null) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a timestamp like 2024-01-02 03:04:05.123456Z (date, time to the second)");
        }
        int micros = 0;
        if (m.group("fraction") != null) {
            micros = (int) (Double.parseDouble("0." + m.group("fraction")) * 1e6);
        }
        long offsetSeconds = 0;
        if (m.group("sign") != null) {
            offsetSeconds = Integer.parseInt(m.group("tzhours")) * 3600L + Integer.parseInt(m.group("tzminutes")) * 60L;
            if (m.group("sign").equals("-")) {
                offsetSeconds = -offsetSeconds;
            }
            if (Math.abs(offsetSeconds) >= 24 * 3600) {
                throw new IllegalArgumentException(
                        "'" + text + "' has a UTC offset of a day or more: " + m.group("timezone"));
            }
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(
                    Integer.parseInt(m.group("year")),
                    Integer.parseInt(m.group("month")),
                    Integer.parseInt(m.group("day")),
                    Integer.parseInt(m.group("hour")),
                    Integer.parseInt(m.group("minute")),
                    Integer.parseInt(m.group("second")),
                    micros * 1000);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time: " + e.getMessage(), e);
        }
        if (local.getYear() == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date and time: there is no year 0");
        }
        long seconds = local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
        if (seconds < 0 || seconds > MAX_V2_SECONDS) {
            throw new IllegalArgumentException(
                    "'" + text + "' is outside the range a subunit v2 stream can carry (1970 to 2106)");
        }
        return Instant.ofEpochSecond(seconds, micros * 1000L);
    }
}
