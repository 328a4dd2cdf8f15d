package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8TrackerTest {

    /** golden/utf8-mid-character.txt: random byte runs and python's mid_character after each byte. */
    @Test
    void agreesWithPythonsIncrementalDecoder() throws IOException {
        List<String> lines = Files.readAllLines(Golden.resource("golden/utf8-mid-character.txt"));
        int checked = 0;

        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            assertThat(trace(HexFormat.of().parseHex(parts[0])))
                    .as("bytes %s", parts[0])
                    .isEqualTo(parts[1]);
            checked++;
        }

        assertThat(checked).isGreaterThan(1000);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "41, 0",
        "c2b3, 10",
        "e282b3, 110",
        "f09f9880, 1110",
        "80, 0",
        "e241, 10",
        // python's decoder keeps E2 after the error, so 82 starts a character again
        "e24182, 101",
        // python buffers ED A0 (a truncated surrogate) and then fails on every byte after it
        "eda080, 110",
        "eda04182b3, 11000",
        "e080, 10",
        "f490, 10",
    })
    void followsPythonsQuirks(String hex, String expected) {
        assertThat(trace(HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    private static String trace(byte[] bytes) {
        Utf8Tracker tracker = new Utf8Tracker();
        StringBuilder flags = new StringBuilder();
        for (byte b : bytes) {
            tracker.feed(b & 0xFF);
            flags.append(tracker.midCharacter() ? '1' : '0');
        }
        return flags.toString();
    }
}
