package org.testr4j.subunit.junitxml;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;

/**
 * Writes a run as one JUnit XML {@code <testsuite>}, as python-subunit's {@code subunit2junitxml}
 * does, so Jenkins and GitLab read both the same.
 *
 * <p>Each test becomes a {@code <testcase classname name time>}, its id split at the last dot before
 * any parenthesis ({@link TestCaseName}). Statuses map as python maps them: a failure, an unfinished
 * test and an unexpected success are {@code <failure>} (the last with type {@code
 * unittest.case._UnexpectedSuccess} and no body); a skip is {@code <skipped>} with the {@code reason}
 * attachment or all the attachments as text; an expected failure is written like a success; listed
 * ({@code exists}) tests are left out. A failure's body is python's: {@code
 * testtools.testresult.real._StringException: } then every attachment, the {@code traceback} last.
 * On top of python, text attachments named {@code stdout} and {@code stderr} also go into {@code
 * <system-out>} and {@code <system-err>}. Times follow python's clock: a test runs from its first
 * timestamp to its final one, the suite from the earliest timestamp to the last one given; none at
 * all give {@code 0.000}. Characters XML cannot hold are dropped, as python drops them. Bodies
 * (failures, skip reasons, output) are CDATA sections where python escapes them: parsers read the
 * same text.
 *
 * <p>The suite's counts lead the document but are known only at the end, so test cases are
 * serialised as they finish into a {@link Spool} — the first 1 MiB in memory, the rest in a
 * temporary file — and {@link #stopRun()} writes the {@code <testsuite>} start tag and copies them
 * after it. Memory is bounded by the tests in progress whatever the run's size; the temporary file
 * is deleted at the end. Written {@linkplain #inPlace(FileChannel) into a file}, the writer needs no
 * spool: the start tag goes first with placeholder counts, padded with spaces to the widest counts
 * there can be, and {@link #stopRun()} writes the real counts over it.
 *
 * <pre>{@code
 * JUnitXmlWriter junit = JUnitXmlWriter.to(out);
 * junit.startRun();
 * PacketReader.lenient(in).readAll(junit);
 * junit.stopRun();
 * // <testsuite errors="0" failures="1" name="" tests="2" time="0.015">
 * // <testcase classname="pkg.T" name="adds" time="0.001"/> ...
 * }</pre>
 */
public final class JUnitXmlWriter implements StreamResult {
    static final String STRING_EXCEPTION = "testtools.testresult.real._StringException";
    static final String UNEXPECTED_SUCCESS = "unittest.case._UnexpectedSuccess";
    private static final int IN_MEMORY = 1024 * 1024;
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private static final byte[] END = "</testsuite>\n".getBytes(StandardCharsets.UTF_8);
    /**
     * The length of a start tag that any counts fit: a count is a long (at most 20 characters), and
     * {@link #seconds} of any two longs of microseconds is shorter than 25.
     */
    private static final int HEADER_WIDTH =
            header(Long.toString(Long.MIN_VALUE), Long.toString(Long.MIN_VALUE), "-" + "9".repeat(20) + ".000").length;

    private final OutputStream out;
    private final FileChannel file; // set when the counts are written over placeholders
    private final Path tempDir;
    private final int inMemory;
    private final TestAssembler assembler = new TestAssembler(this::testEnded);
    private final List<TestResult> unfinished = new ArrayList<>();
    private Spool cases;
    private FileBody body;
    private long headerAt;
    private XMLStreamWriter xml;
    private boolean stopping;
    private long tests;
    private long failures;
    private Long clockMicros; // python's "current time": the last timestamp given, in microseconds
    private Long runStartMicros;

    private JUnitXmlWriter(OutputStream out, FileChannel file, Path tempDir, int inMemory) {
        this.out = Objects.requireNonNull(out, "out");
        this.file = file;
        this.tempDir = tempDir;
        this.inMemory = inMemory;
    }

    /** A writer of UTF-8 JUnit XML to {@code out}, spilling to the system's temporary directory. */
    public static JUnitXmlWriter to(OutputStream out) {
        return new JUnitXmlWriter(out, null, null, IN_MEMORY);
    }

    /** A writer of UTF-8 JUnit XML to {@code out}, spilling to {@code tempDir}. */
    public static JUnitXmlWriter to(OutputStream out, Path tempDir) {
        return new JUnitXmlWriter(out, null, Objects.requireNonNull(tempDir, "tempDir"), IN_MEMORY);
    }

    /**
     * A writer of UTF-8 JUnit XML into {@code file} from its position, with no temporary copy: the
     * counts are written over placeholders at the end. The channel must be one whose writes land at
     * its position, which a channel opened for append is not (every write goes to the end, so the
     * counts would never reach the start tag). The caller closes it.
     *
     * <pre>{@code
     * try (FileChannel file = FileChannel.open(path, CREATE, TRUNCATE_EXISTING, WRITE)) {
     *     JUnitXmlWriter junit = JUnitXmlWriter.inPlace(file);
     *     junit.startRun();
     *     PacketReader.lenient(in).readAll(junit);
     *     junit.stopRun();
     * }
     * }</pre>
     */
    public static JUnitXmlWriter inPlace(FileChannel file) {
        Objects.requireNonNull(file, "file");
        return new JUnitXmlWriter(Channels.newOutputStream(file), file, null, 0);
    }

    /** A writer that keeps at most {@code inMemory} bytes of test cases on the heap, for tests. */
    static JUnitXmlWriter to(OutputStream out, Path tempDir, int inMemory) {
        return new JUnitXmlWriter(out, null, tempDir, inMemory);
    }

    @Override
    public void startRun() {
        closeSpool();
        OutputStream target;
        if (file == null) {
            target = cases = new Spool(inMemory, tempDir);
        } else {
            try {
                headerAt = file.position();
                target = body = new FileBody(out);
                body.write(padded(header("0", "0", "0.000")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            // A buffered Writer: given an OutputStream, the JDK's StAX writer writes one byte per call.
            xml = XML.createXMLStreamWriter(new LongTextWriter(target));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX writer failed to start", e);
        }
        tests = 0;
        failures = 0;
        clockMicros = null;
        runStartMicros = null;
    }

    @Override
    public void status(Event event) {
        if (xml == null) {
            throw new IllegalStateException("call startRun() before status()");
        }
        // python drops "exists" before it assembles tests: a listed test is not a test case
        if (event.status() != TestStatus.EXISTS) {
            assembler.status(event);
        }
    }

    /** Writes the tests still running (as failures, newest first, like python), then the document. */
    @Override
    public void stopRun() {
        if (xml == null) {
            throw new IllegalStateException("call startRun() before stopRun()");
        }
        stopping = true;
        assembler.stopRun();
        stopping = false;
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            testEnded(unfinished.get(i));
        }
        unfinished.clear();
        try {
            xml.flush();
            writeDocument();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing JUnit XML failed: " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeSpool();
        }
    }

    private void writeDocument() throws XMLStreamException, IOException {
        byte[] header = header(Long.toString(failures), Long.toString(tests), seconds(runStartMicros, clockMicros));
        if (file == null) {
            out.write(header);
            cases.copyTo(out);
            out.write(END);
            out.flush();
            return;
        }
        body.write(END);
        body.drain();
        ByteBuffer counts = ByteBuffer.wrap(padded(header));
        for (long at = headerAt; counts.hasRemaining(); ) {
            at += file.write(counts, at);
        }
    }

    /** The XML declaration and the {@code <testsuite>} start tag, each followed by a newline. */
    private static byte[] header(String failures, String tests, String time) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try {
            XMLStreamWriter doc = XML.createXMLStreamWriter(bytes, "UTF-8");
            doc.writeStartDocument("UTF-8", "1.0");
            doc.writeCharacters("\n");
            doc.writeStartElement("testsuite");
            doc.writeAttribute("errors", "0");
            doc.writeAttribute("failures", failures);
            doc.writeAttribute("name", "");
            doc.writeAttribute("tests", tests);
            doc.writeAttribute("time", time);
            doc.writeCharacters("\n");
            doc.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX writer failed on a start tag", e);
        }
        return bytes.toByteArray();
    }

    /** {@code header} padded to {@link #HEADER_WIDTH} with spaces before its start tag's {@code >}. */
    private static byte[] padded(byte[] header) {
        int close = header.length - 2; // the header ends ">\n"
        byte[] padded = new byte[HEADER_WIDTH];
        System.arraycopy(header, 0, padded, 0, close);
        Arrays.fill(padded, close, HEADER_WIDTH - 2, (byte) ' ');
        System.arraycopy(header, close, padded, HEADER_WIDTH - 2, 2);
        return padded;
    }

    private void testEnded(TestResult test) {
        if (stopping) {
            unfinished.add(test); // written by stopRun, in python's order
            return;
        }
        boolean ended = test.status() != TestStatus.IN_PROGRESS;
        if (test.start() != null) {
            see(test.start());
        }
        Long startMicros = clockMicros;
        if (ended && test.stop() != null) {
            see(test.stop()); // python ends an unfinished test without a timestamp
        }
        tests++;
        if (test.status() == TestStatus.FAIL
                || test.status() == TestStatus.IN_PROGRESS
                || test.status() == TestStatus.UNEXPECTED_SUCCESS) {
            failures++;
        }
        try {
            writeTestCase(test, seconds(startMicros, clockMicros));
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing JUnit XML failed: " + e.getMessage(), e));
        }
    }

    private void writeTestCase(TestResult test, String time) throws XMLStreamException {
        TestCaseName name = TestCaseName.of(test.testId());
        List<Attachment> output = new ArrayList<>();
        for (Attachment a : test.attachments()) {
            if ((a.name().equals("stdout") || a.name().equals("stderr"))
                    && ContentType.parse(a.mimeType()).isText()) {
                output.add(a);
            }
        }
        boolean empty =
                output.isEmpty() && (test.status() == TestStatus.SUCCESS || test.status() == TestStatus.EXPECTED_FAIL);
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", XmlChars.strip(name.classname()));
        xml.writeAttribute("name", XmlChars.strip(name.name()));
        xml.writeAttribute("time", time);
        if (!empty) {
            xml.writeCharacters("\n");
            writeOutcome(test);
            for (Attachment a : output) {
                xml.writeStartElement(a.name().equals("stdout") ? "system-out" : "system-err");
                writeBody(XmlChars.strip(PythonDetails.text(a, ContentType.parse(a.mimeType()))));
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
    }

    private void writeOutcome(TestResult test) throws XMLStreamException {
        switch (test.status()) {
            case FAIL:
            case IN_PROGRESS:
                String details = PythonDetails.format(test.attachments(), "traceback");
                xml.writeStartElement("failure");
                xml.writeAttribute("type", STRING_EXCEPTION);
                // unittest's _exc_info_to_string for an exception with no traceback
                writeBody(XmlChars.strip(STRING_EXCEPTION + (details.isEmpty() ? "" : ": " + details) + "\n"));
                xml.writeEndElement();
                xml.writeCharacters("\n");
                break;
            case UNEXPECTED_SUCCESS:
                xml.writeEmptyElement("failure");
                xml.writeAttribute("type", UNEXPECTED_SUCCESS);
                xml.writeCharacters("\n");
                break;
            case SKIP:
                xml.writeStartElement("skipped");
                writeBody(XmlChars.strip(skipReason(test)));
                xml.writeEndElement();
                xml.writeCharacters("\n");
                break;
            default:
                break; // success and xfail carry no outcome element
        }
    }

    /**
     * A body (a traceback, a skip reason, a test's output) as CDATA: the JDK's StAX writer escapes
     * text a character at a time, and bodies are most of a report's bytes (half its StAX time on a
     * million tests with 5 % failing). Parsers read the same text either way; Surefire writes its
     * output sections as CDATA too. A {@code ]]>} in the text ends one section and starts the next.
     */
    private void writeBody(String text) throws XMLStreamException {
        if (text.isEmpty()) {
            xml.writeCharacters(""); // <skipped></skipped>, as python writes it
            return;
        }
        int from = 0;
        for (int end = text.indexOf("]]>"); end >= 0; end = text.indexOf("]]>", from)) {
            xml.writeCData(text.substring(from, end + 2));
            from = end + 2;
        }
        xml.writeCData(text.substring(from));
    }

    private static String skipReason(TestResult test) {
        return test.attachment("reason")
                .filter(reason -> ContentType.parse(reason.mimeType()).isText())
                .map(reason -> PythonDetails.text(reason, ContentType.parse(reason.mimeType())))
                // python crashes on a reason that is not text; all the attachments are the next best
                .orElseGet(() -> PythonDetails.format(test.attachments(), null));
    }

    private void see(Instant when) {
        // python keeps microseconds, rounding nanoseconds/1000 half to even as timedelta does
        long micros = Math.addExact(
                Math.multiplyExact(when.getEpochSecond(), 1_000_000L), (long) Math.rint(when.getNano() / 1000.0));
        clockMicros = micros;
        runStartMicros = runStartMicros == null ? micros : Math.min(runStartMicros, micros);
    }

    /** python's {@code "%0.3f" % seconds}, seconds built from a timedelta as junitxml does. */
    static String seconds(Long fromMicros, Long toMicros) {
        if (fromMicros == null || toMicros == null) {
            return "0.000";
        }
        long delta = toMicros - fromMicros;
        long below = Math.floorMod(delta, 1000L); // microseconds past the last whole millisecond
        if (below != 500 && Math.abs(delta) < EXACT_MICROS) {
            // the double below is within a few ulps of delta / 1e6, far nearer than a microsecond: it
            // rounds as the exact value does, so integers give python's digits without BigDecimal
            long millis = Math.floorDiv(delta, 1000L) + (below > 500 ? 1 : 0);
            long abs = Math.abs(millis);
            // digits from the right into a char array: once per test, where a StringBuilder showed
            char[] digits = new char[22]; // "-" + 17 digits of seconds (|delta| < EXACT_MICROS) + ".000"
            int at = digits.length;
            for (int i = 0; i < 3; i++, abs /= 10) {
                digits[--at] = (char) ('0' + abs % 10);
            }
            digits[--at] = '.';
            do {
                digits[--at] = (char) ('0' + abs % 10);
                abs /= 10;
            } while (abs > 0);
            if (millis < 0) {
                digits[--at] = '-';
            }
            return new String(digits, at, digits.length - at);
        }
        // a tie in decimal: python rounds the double's exact binary value, a hair above or below it
        double seconds = Math.floorDiv(delta, 1_000_000L) + 0.000001 * Math.floorMod(delta, 1_000_000L);
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Below this many microseconds (31 years) a double's error is far below a microsecond. */
    private static final long EXACT_MICROS = 1_000_000_000_000_000L;

    private void closeSpool() {
        body = null;
        xml = null;
        if (cases != null) {
            try {
                cases.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                cases = null;
            }
        }
    }

    /**
     * The file's bytes, buffered until {@link #drain()}: StAX flushes its writer on every long body
     * ({@link LongTextWriter}), which would otherwise be a system call each.
     */
    private static final class FileBody extends OutputStream {
        private final BufferedOutputStream buffered;

        FileBody(OutputStream out) {
            this.buffered = new BufferedOutputStream(out, 64 * 1024);
        }

        @Override
        public void write(int b) throws IOException {
            buffered.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            buffered.write(b, off, len);
        }

        @Override
        public void flush() {
            // until drain()
        }

        void drain() throws IOException {
            buffered.flush();
        }
    }
}
