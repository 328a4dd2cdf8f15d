package org.testr4j.subunit.csv;

/**
 * Quotes one CSV field as python's {@code csv} module does with the excel dialect and minimal
 * quoting: only a field holding a comma, a double quote, CR or LF is quoted, with quotes doubled.
 *
 * <p>Hand-written because the rule is these few lines and the {@code subunit} module takes no
 * dependencies; {@code CsvFieldTest} pins every case against python's output.
 */
final class CsvField {
    private CsvField() {}

    static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
