package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlWriterTest {
    private static final Instant T0 = Instant.parse("2023-11-14T22:13:20Z");

    @TempDir
    Path tmp;

    private JUnitXml write(List<Event> events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter writer = JUnitXmlWriter.to(out, tmp, 64);
        writer.startRun();
        events.forEach(writer::status);
        writer.stopRun();
        Path file = tmp.resolve("out.xml");
        Files.write(file, out.toByteArray());
        return JUnitXml.parse(file);
    }

    @Test
    void aSpilledReportCopiedToAFileIsTheSameAsOneWrittenToMemory() throws Exception {
        List<Event> events = List.of(
                status("pkg.A.one", TestStatus.IN_PROGRESS, 0),
                status("pkg.A.one", TestStatus.SUCCESS, 5),
                status("pkg.B.two", TestStatus.IN_PROGRESS, 5),
                status("pkg.B.two", TestStatus.FAIL, 9));
        Path file = tmp.resolve("report.xml");

        try (java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
            out.write("before;".getBytes(StandardCharsets.UTF_8)); // the copy goes on from where the file is
            JUnitXmlWriter spilling = JUnitXmlWriter.to(out, tmp, 16); // on disk after 16 bytes
            spilling.startRun();
            events.forEach(spilling::status);
            spilling.stopRun();
        }

        assertThat(Files.readString(file)).isEqualTo("before;" + inMemory(events));
    }

    private String inMemory(List<Event> events) {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        JUnitXmlWriter writer = JUnitXmlWriter.to(memory, tmp, 1 << 20);
        writer.startRun();
        events.forEach(writer::status);
        writer.stopRun();
        return memory.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReportWrittenInPlaceDiffersFromOneInMemoryOnlyByTheStartTagsPadding() throws Exception {
        List<Event> events = List.of(
                status("pkg.A.one", TestStatus.IN_PROGRESS, 0),
                status("pkg.A.one", TestStatus.SUCCESS, 5),
                status("pkg.B.two", TestStatus.IN_PROGRESS, 5),
                file("pkg.B.two", "traceback", "boom", "text/plain"),
                status("pkg.B.two", TestStatus.FAIL, 1_234_567),
                status("pkg.C.open", TestStatus.IN_PROGRESS, 1_234_568));
        Path report = tmp.resolve("report.xml");

        try (FileChannel file = FileChannel.open(report, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap("before;".getBytes(StandardCharsets.UTF_8))); // it goes on from here
            JUnitXmlWriter inPlace = JUnitXmlWriter.inPlace(file);
            inPlace.startRun();
            events.forEach(inPlace::status);
            inPlace.stopRun();
        }

        String written = Files.readString(report);
        assertThat(written).contains("<testsuite errors=\"0\" failures=\"2\" name=\"\" tests=\"3\" time=\"1234.568\" ");
        assertThat(written.replaceFirst(" +>", ">")).isEqualTo("before;" + inMemory(events));
    }

    @Test
    void theStartTagWrittenInPlaceHoldsTheWidestTimes() {
        // the start tag is padded for times shorter than 25 characters
        assertThat(JUnitXmlWriter.seconds(Long.MAX_VALUE, Long.MIN_VALUE)).hasSizeLessThan(25);
        assertThat(JUnitXmlWriter.seconds(0L, Long.MAX_VALUE)).hasSizeLessThan(25);
        assertThat(JUnitXmlWriter.seconds(0L, Long.MIN_VALUE)).hasSizeLessThan(25);
        assertThat(JUnitXmlWriter.seconds(Long.MIN_VALUE, 0L)).hasSizeLessThan(25);
    }

    private static Event status(String id, TestStatus status, long millis) {
        return Event.test(id).status(status).timestamp(T0.plusMillis(millis)).build();
    }

    private static Event file(String id, String name, String text, String mimeType) {
        return Event.test(id)
                .file(name, Bytes.utf8(text))
                .mimeType(mimeType)
                .eof(true)
                .build();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pkg.mod.Cls.test|pkg.mod.Cls|test",
                "pkg.Cls.test(a.b, c.d)|pkg.Cls|test(a.b, c.d)",
                "no_dots|''|no_dots",
                "trailing.dot.|trailing|dot.",
                "(paren.first)|''|(paren.first)",
                "a.|''|a.",
                "''|''|''"
            })
    void splitsIdsAsPythonsJunitxmlDoes(String id, String classname, String name) {
        assertThat(TestCaseName.of(id)).isEqualTo(new TestCaseName(classname, name));
    }

    @Test
    void mapsEachStatusAsSubunit2junitxmlDoes() throws Exception {
        JUnitXml suite = write(List.of(
                status("a.passes", TestStatus.IN_PROGRESS, 0),
                status("a.passes", TestStatus.SUCCESS, 1500),
                status("a.fails", TestStatus.FAIL, 1500),
                status("a.xfails", TestStatus.EXPECTED_FAIL, 1500),
                status("a.uxsucceeds", TestStatus.UNEXPECTED_SUCCESS, 1500),
                status("a.skips", TestStatus.SKIP, 1500),
                status("a.listed", TestStatus.EXISTS, 1500),
                status("a.hangs", TestStatus.IN_PROGRESS, 2000)));

        assertThat(suite.tests()).isEqualTo(6);
        assertThat(suite.failures()).isEqualTo(3);
        assertThat(suite.errors()).isZero();
        assertThat(suite.time()).isEqualByComparingTo("2.000");
        assertThat(suite.cases())
                .extracting(
                        JUnitXml.Case::name,
                        c -> c.time().toPlainString(),
                        JUnitXml.Case::failureType,
                        JUnitXml.Case::skipped)
                .containsExactly(
                        tuple("passes", "1.500", null, null),
                        tuple("fails", "0.000", JUnitXmlWriter.STRING_EXCEPTION, null),
                        tuple("xfails", "0.000", null, null),
                        tuple("uxsucceeds", "0.000", JUnitXmlWriter.UNEXPECTED_SUCCESS, null),
                        tuple("skips", "0.000", null, ""),
                        tuple("hangs", "0.000", JUnitXmlWriter.STRING_EXCEPTION, null));
        assertThat(suite.cases().get(1).failure()).isEqualTo(JUnitXmlWriter.STRING_EXCEPTION + "\n");
    }

    @Test
    void buildsTheFailureBodyFromEveryAttachmentTracebackLast() throws Exception {
        JUnitXml suite = write(List.of(
                file("t.x", "traceback", "Traceback:\n  boom\n", "text/x-traceback; charset=utf8"),
                file("t.x", "log", "one line", "text/plain"),
                file("t.x", "data", "\u0001", "application/octet-stream"),
                file("t.x", "blank", " \n", "text/plain"),
                file("t.x", "stdout", "line 1\nline 2\n", null),
                status("t.x", TestStatus.FAIL, 0)));

        assertThat(suite.cases().get(0).failure())
                .isEqualTo(JUnitXmlWriter.STRING_EXCEPTION + ": Binary content:\n"
                        + "  data (application/octet-stream)\n"
                        + "  stdout (application/octet-stream)\n"
                        + "Empty attachments:\n"
                        + "  blank\n"
                        + "\n"
                        + "log: {{{one line}}}\n"
                        + "\n"
                        + "Traceback:\n  boom\n\n");
    }

    @Test
    void putsTextStdoutAndStderrIntoSystemOutAndSystemErr() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter writer = JUnitXmlWriter.to(out);
        writer.startRun();
        writer.status(file("t.x", "stdout", "hello <world> & \u0007bell\r\n", "text/plain;charset=utf8"));
        writer.status(file("t.x", "stderr", "warning\n", "text/plain;charset=utf8"));
        writer.status(status("t.x", TestStatus.SUCCESS, 0));
        writer.stopRun();

        Element testCase =
                (Element) parsed(out).getElementsByTagName("testcase").item(0);
        assertThat(testCase.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("hello <world> & bell\n");
        assertThat(testCase.getElementsByTagName("system-err").item(0).getTextContent())
                .isEqualTo("warning\n");
    }

    @Test
    void keepsATracebackThatHoldsTheEndOfACdataSection() throws Exception {
        JUnitXml suite = write(List.of(
                file("t.x", "traceback", "a]]>b]]]>>c]]>\n", "text/x-traceback;charset=utf8"),
                status("t.x", TestStatus.FAIL, 0)));

        assertThat(suite.cases().get(0).failure()).isEqualTo(JUnitXmlWriter.STRING_EXCEPTION + ": a]]>b]]]>>c]]>\n\n");
    }

    private static Document parsed(ByteArrayOutputStream out) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void usesTheReasonAttachmentAsTheSkipBodyAndEverythingElseWhenItIsNotText() throws Exception {
        JUnitXml suite = write(List.of(
                file("t.text", "reason", "  no network  ", "text/plain"),
                status("t.text", TestStatus.SKIP, 0),
                file("t.binary", "reason", "xx", "application/octet-stream"),
                status("t.binary", TestStatus.SKIP, 0)));

        assertThat(suite.cases())
                .extracting(JUnitXml.Case::skipped)
                .containsExactly("  no network  ", "Binary content:\n  reason (application/octet-stream)\n");
    }

    @Test
    void dropsCharactersXmlCannotHold() {
        assertThat(XmlChars.strip("a\u0000b\u0007c\rd\te\nf\uFFFEg\uD800h\uD83D\uDE80"))
                .isEqualTo("abcd\te\nfgh\uD83D\uDE80");
    }

    @Test
    void formatsSecondsAsPythonsPercent03f() {
        assertThat(JUnitXmlWriter.seconds(0L, 1_500L)).isEqualTo("0.002");
        assertThat(JUnitXmlWriter.seconds(0L, 2_500L))
                .isEqualTo("0.003"); // 0.0025 is 0.00250000000000000005 as a double
        assertThat(JUnitXmlWriter.seconds(0L, 86_400_000_001L)).isEqualTo("86400.000");
        assertThat(JUnitXmlWriter.seconds(null, 5L)).isEqualTo("0.000");
    }

    @Test
    void refusesEventsBeforeTheRunStarts() {
        JUnitXmlWriter writer = JUnitXmlWriter.to(new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.status(status("t", TestStatus.SUCCESS, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("startRun");
    }
}
