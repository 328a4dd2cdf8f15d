package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

class JsonLinesTest {
    private static String write(StreamResult writer, List<Event> events, ByteArrayOutputStream out) {
        writer.startRun();
        events.forEach(writer::status);
        writer.stopRun();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eventsRoundTripThroughJsonLines() throws IOException {
        List<Event> events = OutputCommandTest.events(SubunitCommandTest.sample());
        events.add(Event.builder()
                .file("stdout", Bytes.of(new byte[] {(byte) 0xff, 0, 1}))
                .runnable(false)
                .build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        String json = write(JsonLinesWriter.events(out), events, out);
        List<Event> back = new ArrayList<>();
        long bad = new JsonLinesReader().read(new ByteArrayInputStream(out.toByteArray()), back::add, p -> {});

        assertThat(bad).isZero();
        assertThat(back).isEqualTo(events);
        assertThat(json.lines()).hasSize(events.size());
        assertThat(json).contains("\"file_base64\":\"/wAB\"");
    }

    @Test
    void writesOneLinePerFinishedTest() throws IOException {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        List<Event> events = List.of(
                Event.test("a")
                        .status(TestStatus.IN_PROGRESS)
                        .timestamp(t)
                        .routeCode("1")
                        .build(),
                Event.test("a")
                        .file("traceback", Bytes.utf8("boom"))
                        .mimeType("text/plain")
                        .routeCode("1")
                        .build(),
                Event.test("a")
                        .status(TestStatus.FAIL)
                        .timestamp(t.plusMillis(250))
                        .routeCode("1")
                        .build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        String json = write(JsonLinesWriter.tests(out), events, out);

        assertThat(json.trim())
                .isEqualTo(
                        "{\"test_id\":\"a\",\"status\":\"fail\",\"route_code\":\"1\",\"start\":\"2026-01-02T03:04:05Z\","
                                + "\"stop\":\"2026-01-02T03:04:05.250Z\",\"duration\":0.25,"
                                + "\"attachments\":{\"traceback\":{\"mime_type\":\"text/plain\",\"text\":\"boom\"}}}");
    }

    @Test
    void reportsBadLinesByNumberAndKeepsTheRest() throws IOException {
        String input =
                "{\"test_id\":\"a\",\"status\":\"success\"}\nnot json\n{\"status\":\"passed\"}\n{\"test_id\":\"b\"}\n";
        List<Event> back = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        long bad = new JsonLinesReader()
                .read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), back::add, problems::add);

        assertThat(bad).isEqualTo(2);
        assertThat(back).extracting(Event::testId).containsExactly("a", "b");
        assertThat(problems.get(0)).startsWith("line 2: not JSON");
        assertThat(problems.get(1)).startsWith("line 3: unknown test status 'passed'");
    }
}
