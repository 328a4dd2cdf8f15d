package org.testr4j.subunit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFieldTest {

    // expected values are python 3.11's csv.writer output for the same field
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "plain|plain",
                "a,b|\"a,b\"",
                "q\"q|\"q\"\"q\"",
                "\"|\"\"\"\"",
                "' lead'|' lead'",
                "tab\tx|tab\tx",
                "semi;x|semi;x",
                "''|''"
            })
    void quotesOnlyWhatPythonQuotes(String field, String expected) {
        assertThat(CsvField.quote(field)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n\nl", "c\rr", "crlf\r\n"})
    void quotesLineBreaks(String field) {
        assertThat(CsvField.quote(field)).isEqualTo("\"" + field + "\"");
    }
}
