package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class V1WriterTest {
    private static final Instant T = Instant.parse("2024-02-29T23:59:58.123456Z");

    private static String write(Event... events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        V1Writer writer = V1Writer.to(out);
        for (Event e : events) {
            writer.status(e);
        }
        writer.stopRun();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTestIsWrittenWhenItEndsWithItsTimesTagsAndAttachmentsByName() {
        String v1 = write(
                Event.test("a").status(TestStatus.IN_PROGRESS).timestamp(T).build(),
                Event.test("a")
                        .file("z", Bytes.utf8("q"))
                        .mimeType("text/plain")
                        .eof(true)
                        .build(),
                Event.test("a").file("b", Bytes.utf8("hello")).build(),
                Event.test("a")
                        .status(TestStatus.FAIL)
                        .tags("w", "x")
                        .timestamp(T.plusSeconds(1))
                        .build());

        assertThat(v1)
                .isEqualTo("time: 2024-02-29 23:59:58.123456Z\ntags: w x\ntest: a\n"
                        + "time: 2024-02-29 23:59:59.123456Z\nfailure: a [ multipart\n"
                        + "Content-Type: application/octet-stream\nb\n5\r\nhello0\r\n"
                        + "Content-Type: text/plain\nz\n1\r\nq0\r\n]\ntags: -w -x\n");
    }

    @ParameterizedTest
    @CsvSource({
        "SUCCESS, successful",
        "FAIL, failure",
        "SKIP, skip",
        "EXPECTED_FAIL, xfail",
        "UNEXPECTED_SUCCESS, uxsuccess"
    })
    void eachFinalStatusHasItsWord(TestStatus status, String word) {
        assertThat(write(Event.test("t").status(status).build()))
                .isEqualTo("test: t\n" + word + ": t [ multipart\n]\n");
    }

    @Test
    void outputWithoutATestIsWrittenAtOnceAndExistsEventsAreDropped() {
        String v1 = write(
                Event.test("a").status(TestStatus.IN_PROGRESS).build(),
                Event.test("listed").status(TestStatus.EXISTS).build(),
                Event.builder().file("stderr", Bytes.utf8("global\n")).build(),
                Event.test("a").status(TestStatus.SUCCESS).build());

        assertThat(v1).isEqualTo("global\ntest: a\nsuccessful: a [ multipart\n]\n");
    }

    @Test
    void testsStillOpenAtTheEndFailMostRecentFirstWithoutAnEndTime() {
        String v1 = write(
                Event.test("first").status(TestStatus.IN_PROGRESS).timestamp(T).build(),
                Event.test("second").status(TestStatus.IN_PROGRESS).build(),
                Event.test("first").file("log", Bytes.utf8("x")).timestamp(T).build());

        assertThat(v1)
                .isEqualTo("test: second\nfailure: second [ multipart\n]\n"
                        + "time: 2024-02-29 23:59:58.123456Z\ntest: first\nfailure: first [ multipart\n"
                        + "Content-Type: application/octet-stream\nlog\n1\r\nx0\r\n]\n");
    }

    @Test
    void chunksGatherUntilSixtyFourKibibytesWouldBeReached() {
        byte[] big = new byte[70000];
        Arrays.fill(big, (byte) '1');
        String v1 = write(
                Event.test("a").file("f", Bytes.utf8("ab")).build(),
                Event.test("a").file("f", Bytes.of(big)).build(),
                Event.test("a").file("f", Bytes.utf8("cd")).build(),
                Event.test("a").file("f", Bytes.EMPTY).eof(true).build(),
                Event.test("a").status(TestStatus.SUCCESS).build());

        assertThat(v1)
                .startsWith("test: a\nsuccessful: a [ multipart\nContent-Type: application/octet-stream\nf\n"
                        + "11172\r\nab111");
        assertThat(v1).endsWith("111" + "2\r\ncd0\r\n]\n");
    }

    @Test
    void anEmptyAttachmentIsLeftOut() {
        assertThat(write(
                        Event.test("a").file("f", Bytes.EMPTY).eof(true).build(),
                        Event.test("a").status(TestStatus.SKIP).build()))
                .isEqualTo("test: a\nskip: a [ multipart\n]\n");
    }

    @Test
    void routeCodesKeepTheSameIdApartAsTwoTests() {
        String v1 = write(
                Event.test("a").status(TestStatus.IN_PROGRESS).routeCode("0").build(),
                Event.test("a").status(TestStatus.IN_PROGRESS).routeCode("1").build(),
                Event.test("a").status(TestStatus.SUCCESS).routeCode("1").build(),
                Event.test("a").status(TestStatus.FAIL).routeCode("0").build());

        assertThat(v1).isEqualTo("test: a\nsuccessful: a [ multipart\n]\ntest: a\nfailure: a [ multipart\n]\n");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-01T00:00:00.999999500Z, 2024-01-01 00:00:01.000000Z",
        "2024-01-01T00:00:00.000000500Z, 2024-01-01 00:00:00.000000Z",
        "2024-01-01T00:00:00.000001500Z, 2024-01-01 00:00:00.000002Z",
        "2024-01-01T00:00:00.000001501Z, 2024-01-01 00:00:00.000002Z"
    })
    void nanosecondsRoundToMicrosecondsHalfToEven(Instant t, String written) {
        assertThat(V1Writer.formatTime(t)).isEqualTo(written);
    }

    @Test
    void whatItWritesReadsBackToTheSameTests() {
        String v1 = write(
                Event.test("a").status(TestStatus.IN_PROGRESS).timestamp(T).build(),
                Event.test("a")
                        .file("log", Bytes.utf8("]\nline\n"))
                        .mimeType("text/plain")
                        .build(),
                Event.test("a")
                        .status(TestStatus.EXPECTED_FAIL)
                        .tags("t")
                        .timestamp(T)
                        .build());

        List<Event> events = V1Events.read(v1);

        assertThat(events)
                .containsExactly(
                        Event.test("a")
                                .status(TestStatus.IN_PROGRESS)
                                .timestamp(T)
                                .build(),
                        Event.test("a")
                                .file("log", Bytes.utf8("]\nline\n"))
                                .mimeType("text/plain")
                                .eof(true)
                                .timestamp(T)
                                .build(),
                        Event.test("a")
                                .status(TestStatus.EXPECTED_FAIL)
                                .tags("t")
                                .timestamp(T)
                                .build());
    }
}
