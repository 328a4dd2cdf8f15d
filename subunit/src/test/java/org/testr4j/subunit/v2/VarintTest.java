package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintTest {

    /** Encodings from python-subunit's _encode_number. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 00",
        "63, 3f",
        "64, 4040",
        "16383, 7fff",
        "16384, 804000",
        "4194303, bfffff",
        "4194304, c0400000",
        "1073741823, ffffffff",
    })
    void encodesAtEachWidthBoundary(int value, String hex) {
        byte[] out = new byte[4];

        int end = Varint.write(value, out, 0);

        assertThat(HexFormat.of().formatHex(out, 0, end)).isEqualTo(hex);
        assertThat(Varint.size(value)).isEqualTo(end);
        assertThat(Varint.widthOf(out[0])).isEqualTo(end);
        assertThat(Varint.read(out, 0)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1073741824, Integer.MAX_VALUE})
    void refusesValuesOutOfRange(int value) {
        assertThatThrownBy(() -> Varint.size(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(value));
    }
}
