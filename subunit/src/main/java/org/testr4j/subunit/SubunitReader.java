package org.testr4j.subunit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.testr4j.subunit.v1.V1Reader;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.ReadSummary;
import org.testr4j.subunit.v2.StreamItem;

/**
 * Reads a subunit stream of either version, v1 text or v2 packets, as one kind of item.
 *
 * <p>{@link #lenient(InputStream)} detects the version ({@link StreamFormat#detect}); the
 * two-argument factories take it from the caller. Either way items come out as the version's own
 * reader gives them ({@link PacketReader}, {@link V1Reader}): events, output that is not subunit,
 * and {@link StreamItem.Corrupt} for bad input, which a strict reader throws instead. Reading v2
 * costs nothing over a bare {@link PacketReader}.
 *
 * <pre>{@code
 * try (SubunitReader reader = SubunitReader.lenient(System.in)) {
 *     ReadSummary summary = reader.readAll(event -> System.out.println(event.testId()));
 *     if (!summary.clean()) System.err.println(reader.format() + " stream had bad input");
 * }
 * }</pre>
 */
public final class SubunitReader implements AutoCloseable {
    private final StreamFormat format;
    private final PacketReader v2;
    private final V1Reader v1;

    private SubunitReader(StreamFormat format, PacketReader v2, V1Reader v1) {
        this.format = format;
        this.v2 = v2;
        this.v1 = v1;
    }

    /** A lenient reader of whichever version {@code in} holds. */
    public static SubunitReader lenient(InputStream in) throws IOException {
        InputStream marked = markable(in);
        return lenient(marked, StreamFormat.detect(marked));
    }

    /** A lenient reader of a stream known to be {@code format}. */
    public static SubunitReader lenient(InputStream in, StreamFormat format) {
        return format == StreamFormat.V2
                ? new SubunitReader(format, PacketReader.lenient(in), null)
                : new SubunitReader(format, null, V1Reader.lenient(in));
    }

    /** A strict reader of whichever version {@code in} holds. */
    public static SubunitReader strict(InputStream in) throws IOException {
        InputStream marked = markable(in);
        return strict(marked, StreamFormat.detect(marked));
    }

    /** A strict reader of a stream known to be {@code format}. */
    public static SubunitReader strict(InputStream in, StreamFormat format) {
        return format == StreamFormat.V2
                ? new SubunitReader(format, PacketReader.strict(in), null)
                : new SubunitReader(format, null, V1Reader.strict(in));
    }

    private static InputStream markable(InputStream in) {
        Objects.requireNonNull(in, "in");
        return in.markSupported() ? in : new BufferedInputStream(in, StreamFormat.PEEK_LIMIT);
    }

    /** The version being read. */
    public StreamFormat format() {
        return format;
    }

    /** The next item; empty at the end of the stream. */
    public Optional<StreamItem> read() throws IOException {
        return v2 != null ? v2.read() : v1.read();
    }

    /** True when the next {@link #read()} would wait for input: the moment for a pipeline to flush. */
    public boolean inputIdle() throws IOException {
        return v2 != null ? v2.inputIdle() : v1.inputIdle();
    }

    /** Reads to the end of the stream, handing every item to {@code sink} as events. */
    public ReadSummary readAll(StreamResult sink) throws IOException {
        return v2 != null ? v2.readAll(sink) : v1.readAll(sink);
    }

    @Override
    public void close() throws IOException {
        if (v2 != null) {
            v2.close();
        } else {
            v1.close();
        }
    }
}
