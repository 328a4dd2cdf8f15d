package org.testr4j.subunit.junitxml;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/** One pass over one report for {@link JUnitXmlReader}: element by element, events as it goes. */
final class ReportParser {
    private final XMLInputFactory factory;
    private final String source;
    private final Instant written;
    private final StreamResult sink;
    private XMLStreamReader xml;
    private Instant cursor; // where the next suite or test starts

    ReportParser(XMLInputFactory factory, String source, Instant written, StreamResult sink) {
        this.factory = factory;
        this.source = source;
        this.written = written;
        this.sink = sink;
    }

    void parse(InputStream in) throws IOException {
        try {
            xml = factory.createXMLStreamReader(in);
            try {
                if (!nextChild()) {
                    throw JUnitXmlReader.formatError(source, xml, "no root element");
                }
                String root = xml.getLocalName();
                if (root.equals("testsuites")) {
                    suites();
                } else if (root.equals("testsuite")) {
                    suite();
                } else {
                    throw JUnitXmlReader.formatError(
                            source,
                            xml,
                            "expected <testsuite> or <testsuites> as the root element, found <" + root + ">");
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw JUnitXmlReader.formatError(source, e);
        }
    }

    private void suites() throws XMLStreamException, IOException {
        if (cursor == null && xml.getAttributeValue(null, "time") != null) {
            cursor = written.minus(seconds("time"));
        }
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "testsuite":
                    suite();
                    break;
                case "testsuites":
                    suites();
                    break;
                default:
                    skipElement();
            }
        }
    }

    private void suite() throws XMLStreamException, IOException {
        String timestamp = xml.getAttributeValue(null, "timestamp");
        if (timestamp != null && !timestamp.isBlank()) {
            try {
                cursor = JUnitXmlReader.parseTimestamp(timestamp.strip());
            } catch (DateTimeException e) {
                throw JUnitXmlReader.formatError(
                        source, xml, "timestamp '" + timestamp + "' is not an ISO-8601 date and time");
            }
        } else if (cursor == null) {
            cursor = written.minus(seconds("time"));
        }
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "testcase":
                    testCase();
                    break;
                case "testsuite":
                    suite();
                    break;
                case "system-out":
                    suiteOutput("stdout");
                    break;
                case "system-err":
                    suiteOutput("stderr");
                    break;
                default:
                    skipElement();
            }
        }
    }

    private void suiteOutput(String name) throws XMLStreamException {
        String text = text();
        if (!text.isBlank()) {
            sink.status(Event.builder()
                    .file(name, Bytes.utf8(text))
                    .mimeType(JUnitXmlReader.TEXT)
                    .eof(true)
                    .timestamp(cursor)
                    .build());
        }
    }

    private void testCase() throws XMLStreamException, IOException {
        String classname = xml.getAttributeValue(null, "classname");
        String name = xml.getAttributeValue(null, "name");
        if (name == null) {
            throw JUnitXmlReader.formatError(source, xml, "<testcase> has no name attribute");
        }
        String testId = classname == null || classname.isEmpty() ? name : classname + "." + name;
        Instant start = cursor;
        Instant stop = start.plus(seconds("time"));
        cursor = stop;
        TestCase test = new TestCase(testId, stop);
        sink.status(Event.test(testId)
                .status(TestStatus.IN_PROGRESS)
                .timestamp(start)
                .build());
        while (nextChild()) {
            String element = xml.getLocalName();
            switch (element) {
                case "failure":
                case "error":
                    test.status = TestStatus.FAIL;
                    String type = xml.getAttributeValue(null, "type");
                    String what = xml.getAttributeValue(null, "message");
                    String trace = text();
                    test.attach("traceback", trace.isBlank() ? describe(type, what) : trace);
                    break;
                case "skipped":
                    if (test.status == TestStatus.SUCCESS) {
                        test.status = TestStatus.SKIP;
                    }
                    String message = xml.getAttributeValue(null, "message");
                    String body = text();
                    String reason = message != null && !message.isEmpty() ? message : body;
                    if (!reason.isEmpty()) {
                        test.attach("reason", reason);
                    }
                    break;
                case "system-out":
                    test.attach("stdout", text());
                    break;
                case "system-err":
                    test.attach("stderr", text());
                    break;
                case "flakyFailure":
                case "flakyError":
                case "rerunFailure":
                case "rerunError":
                    rerun(test, element);
                    break;
                default:
                    skipElement();
            }
        }
        sink.status(Event.test(testId).status(test.status).timestamp(stop).build());
    }

    /** A Surefire rerun: its stack trace and its output, each an attachment named after it. */
    private void rerun(TestCase test, String element) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "type");
        String message = xml.getAttributeValue(null, "message");
        String name = test.uniqueName(element);
        String stackTrace = "";
        StringBuilder direct = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "stackTrace":
                        stackTrace = text();
                        break;
                    case "system-out":
                        test.attach(name + " stdout", text());
                        break;
                    case "system-err":
                        test.attach(name + " stderr", text());
                        break;
                    default:
                        skipElement();
                }
            } else if (xml.hasText()) {
                direct.append(xml.getText());
            }
        }
        String trace = stackTrace.isBlank() ? direct.toString() : stackTrace;
        test.attachExactly(name, trace.isBlank() ? describe(type, message) : trace);
    }

    private static String describe(String type, String message) {
        if (type == null) {
            return message == null ? "" : message;
        }
        return message == null ? type : type + ": " + message;
    }

    private Duration seconds(String attribute) throws JUnitXmlFormatException {
        String value = xml.getAttributeValue(null, attribute);
        try {
            return JUnitXmlReader.parseSeconds(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw JUnitXmlReader.formatError(source, xml, attribute + "=\"" + value + "\" is not a number of seconds");
        }
    }

    /** The text of the current element and everything in it; leaves the reader on its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (xml.hasText() && event != XMLStreamConstants.COMMENT) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    /**
     * Moves to the next child element and returns true, or to the parent's end tag and returns
     * false; stray text between elements is passed over.
     */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** What one test case has said so far. */
    private final class TestCase {
        private final String testId;
        private final Instant stop;
        private final Map<String, Integer> names = new HashMap<>();
        private TestStatus status = TestStatus.SUCCESS;

        TestCase(String testId, Instant stop) {
            this.testId = testId;
            this.stop = stop;
        }

        /** {@code base}, or {@code base-2}, {@code base-3} when it is taken. */
        String uniqueName(String base) {
            int n = names.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "-" + n;
        }

        void attach(String base, String text) {
            if (!text.isEmpty()) {
                attachExactly(uniqueName(base), text);
            }
        }

        void attachExactly(String name, String text) {
            sink.status(Event.test(testId)
                    .file(name, Bytes.utf8(text))
                    .mimeType(JUnitXmlReader.TEXT)
                    .eof(true)
                    .timestamp(stop)
                    .build());
        }
    }
}
