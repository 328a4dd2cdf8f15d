package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventText;
import org.testr4j.subunit.InputShape;
import org.testr4j.subunit.RecordingResult;

/** The golden files python-subunit wrote (subunit/src/test/golden/generate.py) against our codec. */
class GoldenFileTest {

    static Stream<Arguments> casesAndShapes() {
        List<Arguments> all = new ArrayList<>();
        for (Golden g : Golden.all()) {
            for (InputShape shape : InputShape.values()) {
                all.add(Arguments.of(g, shape));
            }
        }
        return all.stream();
    }

    static Stream<Golden> cases() {
        return Golden.all().stream();
    }

    /** The cases python's writer wrote whole: not the ones with noise between packets. */
    static Stream<Golden> encodableCases() {
        return Golden.all().stream().filter(g -> {
            try {
                return g.encodable();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void thereAreGoldenCases() {
        assertThat(Golden.all()).hasSizeGreaterThan(30);
        assertThat(encodableCases()).hasSizeGreaterThan(25);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndShapes")
    void decodesToPythonsEvents(Golden golden, InputShape shape) throws IOException {
        RecordingResult rec = new RecordingResult();

        ReadSummary summary = PacketReader.lenient(shape.open(golden.bytes())).readAll(rec);

        List<Event> expected = golden.expectedEvents();
        if (shape == InputShape.WHOLE) {
            assertThat(rec.events()).containsExactlyElementsOf(expected);
        } else {
            assertThat(InputShape.joinOutput(rec.events())).containsExactlyElementsOf(InputShape.joinOutput(expected));
        }
        assertThat(summary.corrupt()).isZero();
        assertThat(summary.bytes()).isEqualTo(golden.bytes().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodableCases")
    void encodesToPythonsBytes(Golden golden) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (PacketWriter writer = PacketWriter.to(out)) {
            for (Event e : golden.expectedEvents()) {
                writer.write(e);
            }
        }

        assertThat(HexFormat.of().formatHex(out.toByteArray()))
                .isEqualTo(HexFormat.of().formatHex(golden.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eventTextRoundTrips(Golden golden) throws IOException {
        List<Event> events = golden.expectedEvents();

        assertThat(EventText.parseAll(EventText.formatAll(events))).containsExactlyElementsOf(events);
    }
}
