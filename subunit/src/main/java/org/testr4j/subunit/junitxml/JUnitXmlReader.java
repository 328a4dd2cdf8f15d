package org.testr4j.subunit.junitxml;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.testr4j.subunit.StreamResult;

/**
 * Reads JUnit XML reports — Surefire's and Failsafe's {@code TEST-*.xml}, Gradle's, and others of the
 * same shape — into subunit events, so JVM results join subunit pipelines.
 *
 * <p>The root is a {@code <testsuite>} or a {@code <testsuites>} holding them (nested suites are
 * read too). Each {@code <testcase classname name time>} becomes the test {@code classname.name}
 * (just {@code name} without a class): an {@code inprogress} event, one event per attachment, and a
 * final status — {@code fail} if it holds a {@code <failure>} or {@code <error>}, else {@code skip}
 * if it holds {@code <skipped>}, else {@code success}. Attachments, all {@code
 * text/plain;charset=utf8}: {@code traceback} for a failure or error (its body, or {@code type:
 * message} when it has none), {@code reason} for a skip's message or body, {@code stdout} and
 * {@code stderr} for {@code <system-out>} and {@code <system-err>}, and one per Surefire rerun
 * ({@code flakyFailure}, {@code rerunError}, ...) with its stack trace, its output as {@code
 * flakyFailure stdout}. A repeated name gets {@code -2}, {@code -3}. A suite's own output becomes
 * stream-level {@code stdout}/{@code stderr}.
 *
 * <p>Timestamps: a suite starts at its {@code timestamp} (read as UTC when it has no offset, as
 * Gradle writes it); without one, where the previous suite of the file ended, or, for a file's
 * first suite, its {@code time} before the file was last modified (Surefire writes no timestamp
 * but writes the file as the class ends). Each test starts where the previous one ended and lasts
 * its {@code time}. Times with a thousands comma ({@code 1,234.5}, older Surefire) are accepted.
 *
 * <p>Reading streams with StAX: memory holds one test's text at a time. DTDs and external entities
 * are refused. Bad XML raises {@link JUnitXmlFormatException} naming the file, line and column.
 *
 * <pre>{@code
 * new JUnitXmlReader().read(List.of(Path.of("target/surefire-reports")), PacketWriter.to(out));
 * // TEST-com.example.CalcTest.xml: <testcase classname="com.example.CalcTest" name="adds" time="0.01"/>
 * // -> com.example.CalcTest.adds inprogress, then success 10 ms later
 * }</pre>
 */
public final class JUnitXmlReader {
    static final String TEXT = "text/plain;charset=utf8";
    private static final XMLInputFactory XML = secureFactory();

    private final Clock clock;

    /** A reader that times suites of reports read from a stream by the system clock. */
    public JUnitXmlReader() {
        this(Clock.systemUTC());
    }

    /** A reader that times suites of reports read from a stream, with no timestamp, by {@code clock}. */
    public JUnitXmlReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads every report named: a file, or a directory whose {@code TEST-*.xml} files are read in
     * name order. The caller starts and stops the run.
     *
     * @throws JUnitXmlFormatException at the first report that is not JUnit XML
     * @throws IOException if a file cannot be read, or a directory holds no report
     */
    public void read(List<Path> paths, StreamResult sink) throws IOException {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> reports = reportsIn(path);
                if (reports.isEmpty()) {
                    throw new IOException("no TEST-*.xml report in directory " + path);
                }
                for (Path report : reports) {
                    readFile(report, sink);
                }
            } else {
                readFile(path, sink);
            }
        }
    }

    /**
     * Reads one report from {@code in}; {@code source} names it in error messages. A suite without
     * a timestamp ends now, by this reader's clock.
     */
    public void read(InputStream in, String source, StreamResult sink) throws IOException {
        new ReportParser(XML, source, clock.instant(), sink).parse(in);
    }

    private void readFile(Path file, StreamResult sink) throws IOException {
        Instant written = Files.getLastModifiedTime(file).toInstant();
        try (InputStream in = Files.newInputStream(file)) {
            new ReportParser(XML, file.toString(), written, sink).parse(in);
        }
    }

    private static List<Path> reportsIn(Path dir) throws IOException {
        List<Path> reports = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            listing.forEach(reports::add);
        }
        reports.sort(null);
        return reports;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** A suite's {@code timestamp}: ISO-8601 with an offset, or without one as UTC. */
    static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    /** A {@code time} attribute in seconds ({@code "0.05"}, {@code "1,234.5"}); absent is zero. */
    static Duration parseSeconds(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        BigDecimal seconds = new BigDecimal(text.strip().replace(",", ""));
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    static JUnitXmlFormatException formatError(String source, XMLStreamReader xml, String reason) {
        Location at = xml.getLocation();
        return new JUnitXmlFormatException(source, at.getLineNumber(), at.getColumnNumber(), reason);
    }

    static JUnitXmlFormatException formatError(String source, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage();
        int cut = message == null ? -1 : message.indexOf("Message: ");
        String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : String.valueOf(message);
        return at == null
                ? new JUnitXmlFormatException(source, -1, -1, reason)
                : new JUnitXmlFormatException(source, at.getLineNumber(), at.getColumnNumber(), reason);
    }
}
