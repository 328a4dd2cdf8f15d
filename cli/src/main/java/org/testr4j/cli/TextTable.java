package org.testr4j.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns of text padded to their widest cell, two spaces apart, and the numbers and times that
 * go in them. Written without {@code java.util.Formatter} and {@code DateTimeFormatter}: their
 * locale data costs a command that should finish in 0.3 s some 30 ms at every start.
 */
final class TextTable {
    private final String alignment;
    private final List<String[]> rows = new ArrayList<>();

    /** {@code alignment} has one letter per column: {@code l} left, {@code r} right. */
    TextTable(String alignment) {
        this.alignment = alignment;
    }

    TextTable row(Object... cells) {
        if (cells.length != alignment.length()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + alignment.length() + " columns");
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    void printTo(PrintWriter out) {
        int[] widths = new int[alignment.length()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                int pad = widths[i] - row[i].length();
                boolean right = alignment.charAt(i) == 'r';
                if (right) {
                    line.append(" ".repeat(pad));
                }
                line.append(row[i]);
                if (!right) {
                    line.append(" ".repeat(pad));
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.println(line.substring(0, end));
        }
    }

    /** {@code value} with exactly {@code places} decimals, rounded half up: {@code fixed(0.0456, 3)} is {@code 0.046}. */
    static String fixed(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** Nanoseconds as seconds with three decimals: {@code 0.088}. */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code 2026-03-01 10:00:00}, in UTC. */
    static String utc(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        return t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + " " + two(t.getHour()) + ":"
                + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
