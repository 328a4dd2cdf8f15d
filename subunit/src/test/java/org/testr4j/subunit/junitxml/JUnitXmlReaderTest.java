package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;

class JUnitXmlReaderTest {
    private static final Instant WRITTEN = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path tmp;

    private Path sample(String resource) throws IOException, URISyntaxException {
        Path original = Path.of(getClass().getResource("/junitxml/" + resource).toURI());
        Path copy = tmp.resolve(original.getFileName());
        Files.copy(original, copy);
        Files.setLastModifiedTime(copy, FileTime.from(WRITTEN));
        return copy;
    }

    private static List<Event> read(Path... paths) throws IOException {
        List<Event> events = new ArrayList<>();
        new JUnitXmlReader().read(List.of(paths), events::add);
        return events;
    }

    private static List<TestResult> tests(List<Event> events) {
        List<TestResult> results = new ArrayList<>();
        TestAssembler assembler = new TestAssembler(results::add);
        events.forEach(assembler::status);
        assembler.stopRun();
        return results;
    }

    private static Map<String, String> texts(TestResult test) {
        return test.attachments().stream()
                .collect(Collectors.toMap(a -> a.name(), a -> a.content().utf8()));
    }

    @Test
    void readsASurefireReportWithFailuresErrorsSkipsAndReruns() throws Exception {
        List<TestResult> tests = tests(read(sample("surefire/TEST-com.example.calc.CalculatorTest.xml")));

        assertThat(tests)
                .extracting(TestResult::testId, TestResult::status)
                .containsExactly(
                        tuple("com.example.calc.CalculatorTest.parses(String)[1]", TestStatus.SUCCESS),
                        tuple("com.example.calc.CalculatorTest.parses(String)[2]", TestStatus.SUCCESS),
                        tuple("com.example.calc.CalculatorTest.adds", TestStatus.SUCCESS),
                        tuple("com.example.calc.CalculatorTest.subtracts", TestStatus.FAIL),
                        tuple("com.example.calc.CalculatorTest.flakyClock", TestStatus.SUCCESS),
                        tuple("com.example.calc.CalculatorTest.multiplies", TestStatus.SKIP),
                        tuple("com.example.calc.CalculatorTest.divides", TestStatus.FAIL));
        Map<String, String> subtracts = texts(tests.get(3));
        assertThat(tests.get(3).attachments())
                .extracting(a -> a.name())
                .containsExactly(
                        "traceback",
                        "stderr",
                        "rerunFailure stderr",
                        "rerunFailure",
                        "rerunFailure-2 stderr",
                        "rerunFailure-2");
        assertThat(subtracts.get("traceback"))
                .startsWith("org.opentest4j.AssertionFailedError: 3 - 1 ==> expected: <1> but was: <2>\n\tat ");
        assertThat(subtracts.get("stderr")).isEqualTo("about to fail\n");
        assertThat(texts(tests.get(4)).get("flakyFailure")).startsWith("org.opentest4j.AssertionFailedError: attempt");
        assertThat(texts(tests.get(5))).containsExactly(Map.entry("reason", "needs a real FPU"));
        assertThat(tests.get(6).attachments())
                .extracting(a -> a.name())
                .containsExactly("traceback", "rerunError", "rerunError-2");
    }

    @Test
    void timesASurefireSuiteToEndWhenItsFileWasWritten() throws Exception {
        List<TestResult> tests = tests(read(sample("surefire/TEST-com.example.calc.CalculatorTest.xml")));

        Instant suiteStart = WRITTEN.minusMillis(56);
        assertThat(tests.get(0).start()).isEqualTo(suiteStart);
        assertThat(tests.get(0).stop()).isEqualTo(suiteStart.plusMillis(298));
        assertThat(tests.get(1).start()).isEqualTo(suiteStart.plusMillis(298));
        assertThat(tests.get(1).duration()).hasValue(java.time.Duration.ofMillis(20));
    }

    @Test
    void readsAGradleReportFromItsTimestampWithSuiteOutputAsStreamOutput() throws Exception {
        List<Event> events = read(sample("gradle/TEST-com.example.gradle.ParserTest.xml"));
        List<TestResult> tests = tests(events);

        Instant start = Instant.parse("2024-05-01T10:15:30Z");
        assertThat(tests)
                .extracting(TestResult::testId, TestResult::status, TestResult::start)
                .containsExactly(
                        tuple("com.example.gradle.ParserTest.parsesEmptyInput()", TestStatus.SUCCESS, start),
                        tuple(
                                "com.example.gradle.ParserTest.rejectsUnclosedBrace()",
                                TestStatus.FAIL,
                                start.plusMillis(12)),
                        tuple(
                                "com.example.gradle.ParserTest.handlesUnicode(String)[1] caf\u00e9",
                                TestStatus.SUCCESS,
                                start.plusMillis(412)),
                        tuple(
                                "com.example.gradle.ParserTest.streamsHugeFiles()",
                                TestStatus.SKIP,
                                start.plusMillis(450)));
        assertThat(tests.get(3).attachments()).isEmpty();
        assertThat(events)
                .filteredOn(e -> e.testId() == null)
                .extracting(Event::fileName, e -> e.fileBytes().utf8(), Event::mimeType)
                .containsExactly(tuple("stdout", "parser warming up\nloaded 3 grammars\n", "text/plain;charset=utf8"));
    }

    @Test
    void readsEveryReportOfADirectoryInNameOrder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("reports"));
        Files.move(
                sample("gradle/TEST-com.example.gradle.ParserTest.xml"),
                dir.resolve("TEST-com.example.gradle.ParserTest.xml"));
        Files.move(
                sample("gradle/TEST-com.example.gradle.LexerTest.xml"),
                dir.resolve("TEST-com.example.gradle.LexerTest.xml"));
        Files.writeString(dir.resolve("not-a-report.txt"), "ignored");

        List<TestResult> tests = tests(read(dir));

        assertThat(tests)
                .extracting(TestResult::testId)
                .first()
                .isEqualTo("com.example.gradle.LexerTest.splitsTokens()");
        assertThat(tests).hasSize(6);
    }

    @Test
    void readsNestedSuitesCommaTimesOffsetsAndCasesWithoutAClass() throws Exception {
        List<TestResult> tests = tests(read(sample("TEST-aggregated.xml")));

        Instant start = WRITTEN.minusMillis(1_234_500);
        assertThat(tests)
                .extracting(TestResult::testId, TestResult::status, TestResult::start, TestResult::stop)
                .containsExactly(
                        tuple("pkg.alpha.first", TestStatus.SUCCESS, start, start.plusSeconds(1200)),
                        tuple("pkg.alpha.second", TestStatus.FAIL, start.plusSeconds(1200), start.plusSeconds(1234)),
                        tuple(
                                "no_classname",
                                TestStatus.SKIP,
                                Instant.parse("2024-05-01T10:00:00.250Z"),
                                Instant.parse("2024-05-01T10:00:00.750Z")));
        assertThat(texts(tests.get(1))).containsExactly(Map.entry("traceback", "boom"));
        assertThat(texts(tests.get(2)))
                .containsOnly(Map.entry("reason", "not on this platform"), Map.entry("stdout", "printed by the test"));
    }

    @Test
    void namesTheFileLineAndColumnOfBadXml() throws Exception {
        Path broken = sample("broken/TEST-broken.xml");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(JUnitXmlFormatException.class)
                .hasMessageStartingWith(broken + ":5:5: ")
                .hasMessageContaining("failure");
    }

    @Test
    void refusesADocumentThatIsNotAJUnitReport() throws Exception {
        Path html = sample("broken/TEST-not-a-report.xml");

        assertThatThrownBy(() -> read(html))
                .isInstanceOf(JUnitXmlFormatException.class)
                .hasMessage(html + ":2:7: expected <testsuite> or <testsuites> as the root element, found <html>");
    }

    @Test
    void refusesAnUnreadableTime() {
        String xml = "<testsuite timestamp=\"2024-05-01T10:00:00\"><testcase name=\"a\" time=\"soon\"/></testsuite>";

        assertThatThrownBy(() -> new JUnitXmlReader()
                        .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "stdin", e -> {}))
                .isInstanceOf(JUnitXmlFormatException.class)
                .hasMessage("stdin:1:76: time=\"soon\" is not a number of seconds");
    }

    @Test
    void saysWhenADirectoryHoldsNoReport() {
        assertThatThrownBy(() -> read(tmp)).hasMessage("no TEST-*.xml report in directory " + tmp);
    }

    @Test
    void timesAStreamedSuiteWithoutTimestampByTheClock() throws Exception {
        String xml = "<testsuite time=\"2\"><testcase classname=\"a\" name=\"b\" time=\"2\"/></testsuite>";
        List<Event> events = new ArrayList<>();

        new JUnitXmlReader(Clock.fixed(WRITTEN, ZoneOffset.UTC))
                .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "stdin", events::add);

        assertThat(events).extracting(Event::timestamp).containsExactly(WRITTEN.minusSeconds(2), WRITTEN);
    }

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter writer = JUnitXmlWriter.to(out);
        writer.startRun();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        writer.status(Event.test("pkg.Cls.test(a.b)")
                .status(TestStatus.IN_PROGRESS)
                .timestamp(t)
                .build());
        writer.status(Event.test("pkg.Cls.test(a.b)")
                .file("traceback", Bytes.utf8("boom"))
                .mimeType("text/plain")
                .build());
        writer.status(Event.test("pkg.Cls.test(a.b)")
                .status(TestStatus.FAIL)
                .timestamp(t.plusMillis(5))
                .build());
        writer.status(Event.test("solo")
                .status(TestStatus.SKIP)
                .timestamp(t.plusMillis(6))
                .build());
        writer.status(Event.test("pkg.ok")
                .status(TestStatus.SUCCESS)
                .timestamp(t.plusMillis(7))
                .build());
        writer.stopRun();
        List<Event> events = new ArrayList<>();

        new JUnitXmlReader().read(new ByteArrayInputStream(out.toByteArray()), "written", events::add);

        assertThat(tests(events))
                .extracting(
                        TestResult::testId,
                        TestResult::status,
                        r -> r.duration().orElseThrow().toMillis())
                .containsExactly(
                        tuple("pkg.Cls.test(a.b)", TestStatus.FAIL, 5L),
                        tuple("solo", TestStatus.SKIP, 0L),
                        tuple("pkg.ok", TestStatus.SUCCESS, 0L));
    }
}
