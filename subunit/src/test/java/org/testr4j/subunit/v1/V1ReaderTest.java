package org.testr4j.subunit.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.NONE;
import static org.testr4j.subunit.TestStatus.SUCCESS;
import static org.testr4j.subunit.v1.V1Events.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.ReadSummary;
import org.testr4j.subunit.v2.StreamItem;
import org.testr4j.subunit.v2.SubunitFormatException;

class V1ReaderTest {
    private static final String T0 = "time: 2024-01-02 03:04:05.000006Z\n";
    private static final Instant AT_T0 = Instant.parse("2024-01-02T03:04:05.000006Z");

    @Nested
    class Directives {
        @ParameterizedTest
        @CsvSource({
            "success, SUCCESS",
            "successful, SUCCESS",
            "failure, FAIL",
            "error, FAIL",
            "skip, SKIP",
            "xfail, EXPECTED_FAIL",
            "uxsuccess, UNEXPECTED_SUCCESS"
        })
        void eachOutcomeEndsTheTestWithItsV2Status(String keyword, TestStatus status) {
            List<Event> events = read(T0 + "test: a.b\n" + keyword + ": a.b\n");

            assertThat(events)
                    .extracting(Event::testId, Event::status, Event::timestamp)
                    .containsExactly(tuple("a.b", IN_PROGRESS, AT_T0), tuple("a.b", status, AT_T0));
        }

        @ParameterizedTest
        @EnumSource(InputShape.class)
        void acceptsEveryWayOfStartingATest(InputShape shape) {
            String v1 = "test: a\nsuccess: a\ntesting b\nsuccess b\ntest c\nsuccess: c\ntest:: d\nsuccess::: d\n"
                    + "test:\te\nsuccess:\te\n";

            List<Event> events = read(v1, shape);

            assertThat(events)
                    .extracting(Event::testId, Event::status)
                    .containsExactly(
                            tuple("a", IN_PROGRESS),
                            tuple("a", SUCCESS),
                            tuple("b", IN_PROGRESS),
                            tuple("b", SUCCESS),
                            tuple("c", IN_PROGRESS),
                            tuple("c", SUCCESS),
                            tuple("d", IN_PROGRESS),
                            tuple("d", SUCCESS),
                            tuple("e", IN_PROGRESS),
                            tuple("e", SUCCESS));
        }

        @Test
        void keepsTheSpaceAfterTheFirstAsPartOfTheId() {
            List<Event> events = read("test:  a\nsuccess: a\nsuccess:  a\n");

            assertThat(events)
                    .extracting(
                            Event::testId,
                            Event::status,
                            e -> e.hasFile() ? e.fileBytes().utf8() : null)
                    .containsExactly(
                            tuple(" a", IN_PROGRESS, null),
                            tuple(null, NONE, "success: a\n"),
                            tuple(" a", SUCCESS, null));
        }

        @Test
        void progressIsAcceptedAndDropped() {
            List<Event> events = read("progress: 5\nprogress: +3\nprogress: -1\nprogress: push\nprogress: pop\n");

            assertThat(events).isEmpty();
        }

        @Test
        void anEventBeforeAnyTimeGetsTheClocksTime() {
            List<Event> events = read("test: a\nsuccess: a\n");

            assertThat(events).extracting(Event::timestamp).containsOnly(V1Events.CLOCK_TIME);
        }

        @Test
        void eachEventCarriesTheLatestTime() {
            List<Event> events = read(
                    "time: 2024-01-02 03:04:05Z\ntest: a\ntime: 2024-01-02 03:04:07.5Z\n" + "failure: a [\nboom\n]\n");

            assertThat(events)
                    .extracting(Event::timestamp)
                    .containsExactly(
                            Instant.parse("2024-01-02T03:04:05Z"),
                            Instant.parse("2024-01-02T03:04:07.5Z"),
                            Instant.parse("2024-01-02T03:04:07.5Z"));
        }

        @Test
        void anIdThatIsNotUtf8IsReadWithReplacementCharacters() {
            byte[] v1 = "test: a\u00ff\nsuccess: a\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);

            List<Event> events = read(v1, InputShape.WHOLE);

            assertThat(events).extracting(Event::testId).containsOnly("a\uFFFD");
        }
    }

    @Nested
    class Tags {
        @Test
        void tagsOutsideATestApplyToEveryLaterTestAndGoOnItsFinalStatusOnly() {
            List<Event> events = read("tags: a b\ntest: t\nsuccess: t\ntags: -a\ntest: u\nsuccess: u\n");

            assertThat(events)
                    .extracting(Event::testId, Event::tags)
                    .containsExactly(
                            tuple("t", java.util.Set.of()),
                            tuple("t", java.util.Set.of("a", "b")),
                            tuple("u", java.util.Set.of()),
                            tuple("u", java.util.Set.of("b")));
        }

        @Test
        void tagsInsideATestApplyToThatTestOnly() {
            List<Event> events = read("tags: run\ntest: t\ntags: mine -run\nsuccess: t\ntest: u\nsuccess: u\n");

            assertThat(events.get(1).tags()).containsExactlyInAnyOrder("mine");
            assertThat(events.get(3).tags()).containsExactlyInAnyOrder("run");
        }

        @Test
        void aRemovalWinsOverAnAdditionOnTheSameLine() {
            List<Event> events = read("test: t\ntags: x -x -y y\nsuccess: t\n");

            assertThat(events.get(1).tags()).isEmpty();
        }

        @Test
        void aBareTagsLineIsOutput() {
            List<Event> events = read("tags:\n");

            assertThat(events).extracting(e -> e.fileBytes().utf8()).containsExactly("tags:\n");
        }
    }

    @Nested
    class Details {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "failure   | traceback | text/x-traceback; charset=\"utf8\"",
                    "error     | traceback | text/x-traceback; charset=\"utf8\"",
                    "xfail     | traceback | text/x-traceback; charset=\"utf8\"",
                    "uxsuccess | traceback | text/x-traceback; charset=\"utf8\"",
                    "skip      | reason    | text/plain",
                    "success   | message   | text/plain"
                })
        void aSimpleBlockIsOneAttachmentNamedForTheOutcome(String keyword, String name, String mimeType) {
            List<Event> events = read(T0 + "test: a\n" + keyword + ": a [\nline one\n ]quoted\n]]\n]\n");

            Event file = events.get(1);
            assertThat(file.testId()).isEqualTo("a");
            assertThat(file.fileName()).isEqualTo(name);
            assertThat(file.mimeType()).isEqualTo(mimeType);
            assertThat(file.fileBytes().utf8()).isEqualTo("line one\n]quoted\n]]\n");
            assertThat(file.eof()).isTrue();
            assertThat(file.timestamp()).isEqualTo(AT_T0);
        }

        @Test
        void anEmptySimpleBlockIsAnEmptyAttachment() {
            List<Event> events = read("test: a\nfailure: a [\n]\n");

            assertThat(events.get(1).fileBytes()).isEqualTo(Bytes.EMPTY);
        }

        @ParameterizedTest
        @EnumSource(InputShape.class)
        void aMultipartBlockHoldsNamedTypedChunkedParts(InputShape shape) {
            String v1 = T0 + "test: a\nerror: a [ multipart\n"
                    + "Content-Type: text/plain;charset=utf8\nlog\n5\r\nhello6\r\n world0\r\n"
                    + "Content-Type: application/octet-stream\nraw\nB\r\n]\nline\n]\n\r\n0\r\n"
                    + "Content-Type: text/plain\nempty\n0\r\n"
                    + "]\n";

            List<Event> events = read(v1, shape);

            assertThat(events)
                    .extracting(
                            Event::fileName,
                            Event::mimeType,
                            e -> e.hasFile() ? e.fileBytes().utf8() : null)
                    .containsExactly(
                            tuple(null, null, null),
                            tuple("log", "text/plain;charset=utf8", "hello world"),
                            tuple("raw", "application/octet-stream", "]\nline\n]\n\r\n"),
                            tuple("empty", "text/plain", ""),
                            tuple(null, null, null));
            assertThat(events.get(4).status()).isEqualTo(FAIL);
        }

        @Test
        void aRepeatedPartNameKeepsItsPlaceAndTakesTheNewContent() {
            String v1 = "test: a\nfailure: a [ multipart\nContent-Type: text/plain\nx\n3\r\none0\r\n"
                    + "Content-Type: text/plain\ny\n1\r\nY0\r\nContent-Type: text/html\nx\n3\r\ntwo0\r\n]\n";

            List<Event> events = read(v1);

            assertThat(events.subList(1, 3))
                    .extracting(
                            Event::fileName, Event::mimeType, e -> e.fileBytes().utf8())
                    .containsExactly(tuple("x", "text/html", "two"), tuple("y", "text/plain", "Y"));
        }

        @Test
        void directivesInsideABlockAreItsContent() {
            List<Event> events = read("test: a\nfailure: a [\ntest: b\ntags: x\ntime: bogus\n]\n");

            assertThat(events.get(1).fileBytes().utf8()).isEqualTo("test: b\ntags: x\ntime: bogus\n");
            assertThat(events).hasSize(3);
        }
    }

    @Nested
    class Passthrough {
        @Test
        void linesThatAreNotDirectivesComeOutTogetherAsStdout() {
            List<Event> events = read("one\ntags: x\n  two\ntest:no-space\nsuccess: nobody\n");

            assertThat(events).hasSize(1);
            assertThat(events.get(0).testId()).isNull();
            assertThat(events.get(0).fileName()).isEqualTo("stdout");
            assertThat(events.get(0).fileBytes().utf8()).isEqualTo("one\n  two\ntest:no-space\nsuccess: nobody\n");
        }

        @Test
        void outputInsideATestComesOutBetweenItsEvents() {
            List<Event> events = read("test: a\nhello\ntest: b\nsuccess: b\nsuccess: a\n");

            assertThat(events)
                    .extracting(
                            Event::testId,
                            Event::status,
                            e -> e.hasFile() ? e.fileBytes().utf8() : null)
                    .containsExactly(
                            tuple("a", IN_PROGRESS, null),
                            tuple(null, NONE, "hello\ntest: b\nsuccess: b\n"),
                            tuple("a", SUCCESS, null));
        }

        @Test
        void outputIsHandedOnWhenTheInputPausesRatherThanHeldForMore() throws IOException {
            InputStream live = new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public synchronized int available() {
                    return 0; // as a pipe whose writer has not written more yet
                }

                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 4));
                }
            };
            V1Reader reader = V1Reader.lenient(live, V1Events.CLOCK);

            Optional<StreamItem> first = reader.read();

            assertThat(first).get().isInstanceOf(StreamItem.Interleaved.class);
            assertThat(((StreamItem.Interleaved) first.get()).bytes().utf8()).isEqualTo("one\n");
        }

        @Test
        void outputOverOneMebibyteComesOutInOneMebibytePieces() {
            byte[] line = new byte[LineSource.MAX_PIECE * 2 + 10];
            java.util.Arrays.fill(line, (byte) 'x');
            line[line.length - 1] = '\n';

            List<Event> events = read(line, InputShape.WHOLE);

            assertThat(events)
                    .extracting(e -> e.fileBytes().size())
                    .containsExactly(LineSource.MAX_PIECE, LineSource.MAX_PIECE, 10);
        }
    }

    @Nested
    class BadInput {
        @Test
        void aTestTheStreamLeavesUnfinishedFailsWithALostConnectionTraceback() {
            List<Event> events = read(T0 + "tags: x\ntest: a\n");

            assertThat(events).hasSize(3);
            assertThat(events.get(1).fileName()).isEqualTo("traceback");
            assertThat(events.get(1).mimeType()).isEqualTo(V1Reader.LOST_CONNECTION_MIME);
            assertThat(events.get(1).fileBytes().utf8())
                    .isEqualTo("testtools.testresult.real._StringException: lost connection during test 'a'\n");
            assertThat(events.get(2))
                    .extracting(Event::status, Event::tags, Event::timestamp)
                    .containsExactly(FAIL, java.util.Set.of("x"), AT_T0);
        }

        @Test
        void aDetailsBlockCutShortIsAParserErrorNamingItsLineAsWellAsALostConnection() {
            List<Event> events = read("test: a\nskip: a [\nwhy\n");

            assertThat(events)
                    .extracting(Event::testId, Event::status, Event::fileName)
                    .containsExactly(
                            tuple("a", IN_PROGRESS, null),
                            tuple("a", NONE, "traceback"),
                            tuple("a", FAIL, null),
                            tuple("subunit.parser", NONE, "Packet data"),
                            tuple("subunit.parser", FAIL, "Parser Error"));
            assertThat(events.get(1).fileBytes().utf8()).contains("lost connection during skip report of test 'a'");
            assertThat(events.get(4).fileBytes().utf8())
                    .isEqualTo("packet at byte 22: line 4: the stream ends inside the details of test 'a' opened on"
                            + " line 2; expected a line ']' to close them");
        }

        @ParameterizedTest
        @EnumSource(InputShape.class)
        void aMalformedChunkSizeIsAParserErrorAndTheTestStillEndsAtTheBlocksEnd(InputShape shape) {
            String v1 = "test: a\nfailure: a [ multipart\nContent-Type: text/plain\nok\n2\r\nhi0\r\n"
                    + "Content-Type: text/plain\nbad\nZZ\r\nskipped\n]\ntest: b\nsuccess: b\n";

            List<Event> events = read(v1, shape);

            assertThat(events)
                    .extracting(Event::testId, Event::status, Event::fileName)
                    .containsExactly(
                            tuple("a", IN_PROGRESS, null),
                            tuple("subunit.parser", NONE, "Packet data"),
                            tuple("subunit.parser", FAIL, "Parser Error"),
                            tuple("a", NONE, "ok"),
                            tuple("a", FAIL, null),
                            tuple("b", IN_PROGRESS, null),
                            tuple("b", SUCCESS, null));
            assertThat(events.get(1).fileBytes().utf8()).isEqualTo("ZZ\r\n");
            assertThat(events.get(2).fileBytes().utf8())
                    .isEqualTo("packet at byte 96: line 9: expected a chunk size (hex digits and CRLF) in attachment"
                            + " 'bad' of test 'a', found 'ZZ\\r\\n'");
        }

        @Test
        void aChunkCutShortByTheClosingBracketEndsTheBlockThere() {
            String v1 = "test: a\nfailure: a [ multipart\nContent-Type: text/plain\nx\n3\r\nabc]\n"
                    + "test: b\nsuccess: b\n";

            List<Event> events = read(v1);

            assertThat(events)
                    .extracting(Event::testId, Event::status)
                    .containsExactly(
                            tuple("a", IN_PROGRESS),
                            tuple("subunit.parser", NONE),
                            tuple("subunit.parser", FAIL),
                            tuple("a", FAIL),
                            tuple("b", IN_PROGRESS),
                            tuple("b", SUCCESS));
        }

        @Test
        void aContentTypeWithoutASlashIsAParserError() {
            List<Event> events = read("test: a\nfailure: a [ multipart\nContent-Type: text\n]\n");

            assertThat(events.get(2).fileBytes().utf8())
                    .endsWith("line 3: expected a 'Content-Type: type/subtype' line in the details of test 'a',"
                            + " found 'Content-Type: text'");
            assertThat(events.get(3).status()).isEqualTo(FAIL);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "time: bogus | line 2: time 'bogus' is not a timestamp like 2024-01-02 03:04:05.123456Z (date,"
                            + " time to the second)",
                    "time: 2024-13-01 00:00:00Z | line 2: time '2024-13-01 00:00:00Z' is not a valid date and time:"
                            + " Invalid value for MonthOfYear (valid values 1 - 12): 13",
                    "time: 1969-12-31 23:59:59Z | line 2: time '1969-12-31 23:59:59Z' is outside the range a subunit"
                            + " v2 stream can carry (1970 to 2106)",
                    "progress: lots | line 2: progress 'lots' is not a count (N, +N, -N), push or pop"
                })
        void aBadTimeOrProgressLineIsAParserErrorAndTheTimeStaysAsItWas(String line, String message) {
            List<Event> events = read(T0 + line + "\ntest: a\nsuccess: a\n");

            assertThat(events.get(1).fileBytes().utf8()).endsWith(message);
            assertThat(events.get(2).timestamp()).isEqualTo(AT_T0);
        }

        @Test
        void aStrictReaderThrowsWithTheLineAndOffset() throws IOException {
            byte[] v1 = "test: a\nsuccess: a\ntime: never\n".getBytes(StandardCharsets.UTF_8);
            List<Event> events = new ArrayList<>();
            V1Reader reader = V1Reader.strict(new ByteArrayInputStream(v1), V1Events.CLOCK);

            assertThatThrownBy(() -> reader.readAll(events::add))
                    .isInstanceOf(SubunitFormatException.class)
                    .hasMessage("packet at byte 19: line 3: time 'never' is not a timestamp like 2024-01-02"
                            + " 03:04:05.123456Z (date, time to the second)");
            assertThat(events).extracting(Event::status).containsExactly(IN_PROGRESS, SUCCESS);
        }

        @Test
        void readAllCountsEventsOutputAndProblems() throws IOException {
            byte[] v1 = "hi\ntest: a\nsuccess: a\ntime: x\n".getBytes(StandardCharsets.UTF_8);

            ReadSummary summary = V1Reader.lenient(new ByteArrayInputStream(v1), V1Events.CLOCK)
                    .readAll(e -> {});

            assertThat(summary).isEqualTo(new ReadSummary(2, 3, 1, v1.length));
        }
    }
}
