package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeHeaderTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text/plain                                             | text/plain",
                "text/plain;charset=utf8                                | text/plain;charset=utf8",
                "'text/x-traceback; charset=\"utf8\"; language=\"python\"' | text/x-traceback;charset=utf8,language=python",
                "'application/x; a=1; b=\"2;3\"'                          | application/x;a=1,b=2;3",
                "'text/plain; CHARSET=utf8,latin1'                      | text/plain;charset=utf8",
                "'text/plain; a=1; a=2; b'                              | text/plain;a=2",
                "' text / plain '                                       | text/plain",
                "*                                                      | */*",
                "text                                                   | application/octet-stream",
                "a/b/c                                                  | application/octet-stream"
            })
    void writesWhatSubunit2to1Writes(String mimeType, String header) {
        assertThat(MimeHeader.of(mimeType)).isEqualTo(header);
    }

    @org.junit.jupiter.api.Test
    void aMissingTypeIsOctetStream() {
        assertThat(MimeHeader.of(null)).isEqualTo("application/octet-stream");
    }
}
