package org.testr4j.subunit.v1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testr4j.subunit.Bytes;

/**
 * The bracketed details after an outcome, {@code failure: id [} to a line {@code ]}, read as
 * python-subunit's {@code details.py} reads them.
 *
 * <pre>
 * failure: pkg.T.a [              failure: pkg.T.a [ multipart
 * Traceback (most recent ...      Content-Type: text/plain;charset=utf8
 *  ]a line starting ']' is         log
 *  quoted with a space             5\r\n          hex size, CRLF, then that many raw bytes:
 * ]                               hello0\r\n     the body, then the next size (0 ends the part)
 *                                 ]
 * </pre>
 *
 * A simple block becomes one part named after the outcome ({@code traceback}, {@code reason},
 * {@code message}); a multipart block holds named, typed parts whose bodies are HTTP-chunked raw
 * bytes. Memory holds this block's parts and nothing more.
 */
final class DetailsBlock {
    private static final byte[] END = {']', '\n'};
    private static final long MAX_PART = Integer.MAX_VALUE - 64;

    /** How the block's content is laid out. */
    enum Style {
        SIMPLE,
        MULTIPART
    }

    private enum Step {
        TEXT,
        CONTENT_TYPE,
        NAME,
        CHUNK_SIZE,
        CHUNK_BODY,
        SKIP_TO_END
    }

    /** What {@link #advance} got to. */
    enum Progress {
        MORE,
        ENDED,
        INPUT_ENDED
    }

    /** One attachment: a name, its MIME type as written, and its content. */
    record Part(String name, String mimeType, Bytes content) {}

    /** A part of the block that breaks the protocol; the block has moved on to its end marker. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Malformed(Problem problem) {
            super(problem.reason(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** Where and what: the offending bytes start at {@code offset}, on line {@code line}. */
    record Problem(long offset, long line, Bytes raw, String reason) {}

    private final Outcome outcome;
    private final String testId;
    private final long openedOnLine;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private Step step;
    private ByteArrayOutputStream content = new ByteArrayOutputStream();
    private String mimeType;
    private String partName;
    private long chunkLeft;
    private boolean malformed;

    DetailsBlock(Outcome outcome, Style style, String testId, long openedOnLine) {
        this.outcome = outcome;
        this.testId = testId;
        this.openedOnLine = openedOnLine;
        this.step = style == Style.SIMPLE ? Step.TEXT : Step.CONTENT_TYPE;
    }

    Outcome outcome() {
        return outcome;
    }

    long openedOnLine() {
        return openedOnLine;
    }

    /** True once a problem was found in this block. */
    boolean malformed() {
        return malformed;
    }

    /** The parts, in the order their names first appeared (a repeated name keeps its place, takes the new content). */
    List<Part> parts() {
        if (step == Step.TEXT) {
            return List.of(new Part(
                    outcome.simpleDetailName(), outcome.simpleDetailMimeType(), Bytes.of(content.toByteArray())));
        }
        return new ArrayList<>(parts.values());
    }

    /**
     * Reads the next piece of the block.
     *
     * @throws Malformed when the piece breaks the protocol; the piece is consumed and the block
     *     will skip to its end marker, unless the piece was that marker ({@link #advance} then
     *     reports {@link Progress#ENDED} next)
     */
    Progress advance(LineSource src) throws IOException, Malformed {
        if (step == Step.CHUNK_BODY) {
            return readBody(src);
        }
        int n = src.peekLine();
        if (n == 0) {
            return Progress.INPUT_ENDED;
        }
        boolean lineStart = src.atLineStart();
        if ((lineStart || step == Step.SKIP_TO_END) && src.is(n, END) && step != Step.NAME && step != Step.CHUNK_SIZE) {
            src.consume(n);
            return Progress.ENDED;
        }
        switch (step) {
            case TEXT:
                // python-subunit quotes a line starting with ']' by a leading space.
                int from = lineStart && n >= 2 && src.at(0) == ' ' && src.at(1) == ']' ? 1 : 0;
                src.appendTo(content, from, n - from);
                src.consume(n);
                return Progress.MORE;
            case CONTENT_TYPE:
                readContentType(src, n);
                return Progress.MORE;
            case NAME:
                partName = src.utf8(0, wholeLine(src, n, "an attachment name"));
                src.consume(n);
                content = new ByteArrayOutputStream();
                step = Step.CHUNK_SIZE;
                return Progress.MORE;
            case CHUNK_SIZE:
                readChunkSize(src, n);
                return Progress.MORE;
            case SKIP_TO_END:
            default:
                src.consume(n);
                return Progress.MORE;
        }
    }

    private void readContentType(LineSource src, int n) throws Malformed {
        String line = src.utf8(0, wholeLine(src, n, "a 'Content-Type: type/subtype' line"));
        int space = line.indexOf(' ');
        String value = space < 0 ? null : line.substring(space + 1);
        if (value == null || value.indexOf('/') < 0 || value.indexOf('/') != value.lastIndexOf('/')) {
            throw malformed(
                    src,
                    n,
                    "expected a 'Content-Type: type/subtype' line in the details of test '" + testId + "', found '"
                            + line + "'");
        }
        // python-subunit keeps everything after the first space, parameters included, as the type.
        mimeType = value;
        src.consume(n);
        step = Step.NAME;
    }

    private void readChunkSize(LineSource src, int n) throws Malformed {
        boolean wellFormed = n >= 3 && src.endsLine(n) && src.at(n - 2) == '\r';
        long size = 0;
        for (int i = 0; wellFormed && i < n - 2; i++) {
            int digit = Character.digit(src.at(i), 16);
            wellFormed = digit >= 0;
            size = size * 16 + Math.max(digit, 0);
            if (size > MAX_PART) {
                throw malformed(
                        src,
                        n,
                        "chunk size '" + src.latin1(0, n - 2) + "' of attachment '" + partName + "' of test '" + testId
                                + "' exceeds the " + MAX_PART + "-byte limit");
            }
        }
        if (!wellFormed) {
            throw malformed(
                    src,
                    n,
                    "expected a chunk size (hex digits and CRLF) in attachment '" + partName + "' of test '" + testId
                            + "', found '" + printable(src.latin1(0, n)) + "'");
        }
        if (content.size() + size > MAX_PART) {
            throw malformed(
                    src, n, "attachment '" + partName + "' of test '" + testId + "' exceeds " + MAX_PART + " bytes");
        }
        src.consume(n);
        if (size == 0) {
            parts.put(partName, new Part(partName, mimeType, Bytes.of(content.toByteArray())));
            content = new ByteArrayOutputStream();
            step = Step.CONTENT_TYPE;
        } else {
            chunkLeft = size;
            step = Step.CHUNK_BODY;
        }
    }

    private Progress readBody(LineSource src) throws IOException {
        int available = src.peekBytes();
        if (available == 0) {
            return Progress.INPUT_ENDED;
        }
        int take = (int) Math.min(available, chunkLeft);
        src.appendTo(content, 0, take);
        src.consume(take);
        chunkLeft -= take;
        if (chunkLeft == 0) {
            step = Step.CHUNK_SIZE;
        }
        return Progress.MORE;
    }

    /** The length of a line's text without its newline; lines too long to be syntax are malformed. */
    private int wholeLine(LineSource src, int n, String expected) throws Malformed {
        if (src.endsLine(n)) {
            return n - 1;
        }
        if (n == LineSource.MAX_PIECE) {
            throw malformed(
                    src,
                    n,
                    "expected " + expected + " in the details of test '" + testId + "', found a line longer than "
                            + LineSource.MAX_PIECE + " bytes");
        }
        return n; // the last line of the input
    }

    private Malformed malformed(LineSource src, int n, String reason) {
        Problem problem = new Problem(src.offset(), src.lineNumber(), src.bytes(0, Math.min(n, 64 * 1024)), reason);
        malformed = true;
        step = Step.SKIP_TO_END;
        if (src.is(n, END)) {
            // The block's end where a chunk size belongs: the part was cut short, and the marker ends the block.
            return new Malformed(problem);
        }
        src.consume(n);
        return new Malformed(problem);
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
