package org.testr4j.subunit.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class TapReaderTest {

    /** Whole input at once, or one byte per read (decoders and line splitting must not care). */
    enum InputShape {
        WHOLE,
        ONE_BYTE_AT_A_TIME;

        InputStream open(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (this == WHOLE) {
                return new ByteArrayInputStream(bytes);
            }
            return new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
        }
    }

    private static List<Event> read(String tap) throws IOException {
        List<Event> events = new ArrayList<>();
        new TapReader(new StringReader(tap)).readAll(events::add);
        return events;
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void turnsEachResultLineIntoOneFinalStatus(InputShape shape) throws IOException {
        List<Event> events = new ArrayList<>();

        new TapReader(shape.open("1..3\nok 1 - adds\nnot ok 2 subtracts\nok 3 caf\u00e9 # SKIP no db\n"))
                .readAll(events::add);

        assertThat(events)
                .extracting(Event::testId, Event::status, Event::runnable, Event::eof)
                .containsExactly(
                        tuple("test 1 - adds", TestStatus.SUCCESS, false, true),
                        tuple("test 2 subtracts", TestStatus.FAIL, false, true),
                        tuple("test 3 caf\u00e9", TestStatus.SKIP, false, true));
        assertThat(events.get(2).fileName()).isEqualTo("tap comment");
        assertThat(events.get(2).fileBytes()).isEqualTo(Bytes.utf8("no db"));
        assertThat(events.get(2).mimeType()).isEqualTo("text/plain; charset=UTF8");
    }

    @Test
    void attachesTheDiagnosticsThatFollowATestToIt() throws IOException {
        List<Event> events = read("not ok 1 x # TODO later\n# got: 1\n# want: 2\nok 2\n");

        assertThat(events.get(0).status()).isEqualTo(TestStatus.EXPECTED_FAIL);
        assertThat(events.get(0).fileBytes().utf8()).isEqualTo("later\n# got: 1\n# want: 2");
        assertThat(events.get(1).hasFile()).isFalse();
    }

    @Test
    void failsTestsThePlanPromisedButTheOutputSkipped() throws IOException {
        List<Event> events = read("1..4\nok 1\nok 3\n");

        assertThat(events)
                .extracting(Event::testId, Event::status, Event::fileName)
                .containsExactly(
                        tuple("test 1", TestStatus.SUCCESS, null),
                        tuple("test 2", TestStatus.FAIL, "tap meta"),
                        tuple("test 3", TestStatus.SUCCESS, null),
                        tuple("test 4", TestStatus.FAIL, "tap meta"));
        assertThat(events.get(1).fileBytes().utf8()).isEqualTo("test missing from TAP output");
    }

    @Test
    void bailOutIsAFailedTestAndLaterLinesAreStillRead() throws IOException {
        List<Event> events = read("ok 1\nBail out! db gone\nok 2\n");

        assertThat(events)
                .extracting(Event::testId, Event::status)
                .containsExactly(
                        tuple("test 1", TestStatus.SUCCESS),
                        tuple("Bail out! db gone", TestStatus.FAIL),
                        tuple("test 2", TestStatus.SUCCESS));
    }

    @Test
    void anEmptyPlanSkipsTheFileEvenWithoutAComment() throws IOException {
        // python crashes on a bare "1..0"; an empty reason is the useful reading
        assertThat(read("1..0 # no network\n"))
                .extracting(Event::testId, Event::status, e -> e.fileBytes().utf8())
                .containsExactly(tuple("file skip", TestStatus.SKIP, "no network"));
        assertThat(read("1..0\n"))
                .extracting(Event::testId, e -> e.fileBytes().utf8())
                .containsExactly(tuple("file skip", ""));
    }

    @Test
    void passesOtherLinesOnAsStreamOutputWithTheirEnds() throws IOException {
        List<Event> events = read("TAP version 13\nok 1\n  ---\r\nno newline at the end");

        assertThat(events)
                .extracting(
                        Event::testId,
                        Event::fileName,
                        e -> e.fileBytes() == null ? null : e.fileBytes().utf8())
                .containsExactly(
                        tuple(null, "stdout", "TAP version 13\n"),
                        tuple(null, "stdout", "  ---\r\n"),
                        tuple(null, "stdout", "no newline at the end"),
                        tuple("test 1", null, null));
    }

    @Test
    void aResultLineWithoutItsNewlineIsNotTap() throws IOException {
        assertThat(read("ok 1 last")).extracting(Event::testId, Event::fileName).containsExactly(tuple(null, "stdout"));
    }

    @Test
    void reportsATestNumberTooLargeToCountToWithItsLine() {
        assertThatThrownBy(() -> read("ok 1\nok 99999999999999999999\n"))
                .isInstanceOf(TapFormatException.class)
                .hasMessage("TAP line 2: test number '99999999999999999999' is too large");
    }
}
