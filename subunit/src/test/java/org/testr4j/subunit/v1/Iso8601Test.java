package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Iso8601Test {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-01-02 03:04:05Z                | 2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05.5Z              | 2024-01-02T03:04:05.500Z",
                "2024-01-02 03:04:05.123456Z         | 2024-01-02T03:04:05.123456Z",
                "2024-01-02 03:04:05.123456789Z      | 2024-01-02T03:04:05.123456Z",
                "2024-01-02 03:04:05.1234565Z        | 2024-01-02T03:04:05.123456Z",
                "2024-01-02 03:04:05                 | 2024-01-02T03:04:05Z",
                "2024-1-2 03:04:05+05:30             | 2024-01-01T21:34:05Z",
                "2024-01-02 03:04:05-01:15           | 2024-01-02T04:19:05Z",
                "2024-01-02 03:04:05+0530            | 2024-01-02T03:04:05Z",
                "2024-01-02 03:04:05.000001Z and more | 2024-01-02T03:04:05.000001Z",
                "2024-01-02x03:04:05Z                | 2024-01-02T03:04:05Z"
            })
    void readsWhatPythonSubunitReads(String text, Instant expected) {
        assertThat(Iso8601.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bogus",
                "2024-01-02",
                "2024-01-02 03:04",
                "2024-02-30 00:00:00Z",
                "2024-01-02 24:00:00Z",
                "0000-01-01 00:00:00Z",
                "1969-12-31 23:59:59Z",
                "2106-02-07 06:28:16Z",
                "2024-01-02 03:04:05+24:00"
            })
    void rejectsWhatIsNotAFullTimeAV2StreamCanCarry(String text) {
        assertThatThrownBy(() -> Iso8601.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "'");
    }
}
