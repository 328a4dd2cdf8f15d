package org.testr4j.subunit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;

class CsvWriterTest {
    private static final Instant T0 = Instant.parse("2023-11-14T22:13:20Z");
    private static final Clock WALL = Clock.fixed(Instant.parse("2030-01-01T00:00:00.5Z"), ZoneOffset.UTC);

    private static String csv(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter writer = CsvWriter.to(out, WALL);
        writer.startRun();
        events.forEach(writer::status);
        writer.stopRun();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Event at(String id, TestStatus status, Instant when) {
        return Event.test(id).status(status).timestamp(when).build();
    }

    @Test
    void writesAHeaderThenOneRowPerTestWithPythonsStatusNames() {
        Instant t1 = T0.plusNanos(1_443_000);

        String csv = csv(List.of(
                at("ok", TestStatus.IN_PROGRESS, T0),
                at("ok", TestStatus.SUCCESS, t1),
                at("bad", TestStatus.FAIL, t1),
                at("skipped", TestStatus.SKIP, t1),
                at("xf", TestStatus.EXPECTED_FAIL, t1),
                at("ux", TestStatus.UNEXPECTED_SUCCESS, t1),
                at("listed", TestStatus.EXISTS, t1)));

        assertThat(csv)
                .isEqualTo("test,status,start_time,stop_time\r\n"
                        + "ok,success,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20.001443+00:00\r\n"
                        + "bad,failure,2023-11-14 22:13:20.001443+00:00,2023-11-14 22:13:20.001443+00:00\r\n"
                        + "skipped,skip,2023-11-14 22:13:20.001443+00:00,2023-11-14 22:13:20.001443+00:00\r\n"
                        + "xf,xfail,2023-11-14 22:13:20.001443+00:00,2023-11-14 22:13:20.001443+00:00\r\n"
                        + "ux,success,2023-11-14 22:13:20.001443+00:00,2023-11-14 22:13:20.001443+00:00\r\n");
    }

    @Test
    void quotesIdsHoldingCommasQuotesAndNewlines() {
        String csv = csv(List.of(at("a,b \"c\"\nd", TestStatus.SUCCESS, T0)));

        assertThat(csv)
                .endsWith("\r\n\"a,b \"\"c\"\"\nd\",success,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20+00:00\r\n");
    }

    @Test
    void roundsNanosecondsToMicrosecondsHalfToEvenAsPythonDoes() {
        assertThat(CsvWriter.PythonTime.format(T0.plusNanos(1_500))).isEqualTo("2023-11-14 22:13:20.000002+00:00");
        assertThat(CsvWriter.PythonTime.format(T0.plusNanos(2_500))).isEqualTo("2023-11-14 22:13:20.000002+00:00");
        assertThat(CsvWriter.PythonTime.format(T0.plusNanos(999_999_600))).isEqualTo("2023-11-14 22:13:21+00:00");
    }

    @Test
    void timesTestsWithoutTimestampsByTheLastTimeSeenOrTheWallClock() {
        String csv = csv(List.of(
                Event.test("early").status(TestStatus.SUCCESS).build(),
                at("timed", TestStatus.SUCCESS, T0),
                Event.test("late").status(TestStatus.SUCCESS).build()));

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "test,status,start_time,stop_time",
                        "early,success,2030-01-01 00:00:00.500000+00:00,2030-01-01 00:00:00.500000+00:00",
                        "timed,success,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20+00:00",
                        "late,success,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20+00:00");
    }

    @Test
    void writesTestsTheStreamNeverEndedLastAsFailuresNewestFirst() {
        String csv = csv(List.of(
                at("first", TestStatus.IN_PROGRESS, T0),
                at("second", TestStatus.IN_PROGRESS, T0.plusSeconds(1)),
                Event.test("second")
                        .file("stdout", Bytes.utf8("x"))
                        .timestamp(T0.plusSeconds(2))
                        .build(),
                at("done", TestStatus.SUCCESS, T0.plusSeconds(3))));

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "test,status,start_time,stop_time",
                        "done,success,2023-11-14 22:13:23+00:00,2023-11-14 22:13:23+00:00",
                        "second,failure,2023-11-14 22:13:21+00:00,2023-11-14 22:13:21+00:00",
                        "first,failure,2023-11-14 22:13:20+00:00,2023-11-14 22:13:20+00:00");
    }
}
