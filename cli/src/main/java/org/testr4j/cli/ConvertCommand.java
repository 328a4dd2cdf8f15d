package org.testr4j.cli;

import java.io.Flushable;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.testr4j.subunit.StreamFormat;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.v1.V1Writer;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code subunit convert}: re-encode a stream in another format. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert a stream from one format to another. Formats: subunit1 (text), subunit2 (binary).")
final class ConvertCommand implements Callable<Integer> {
    /** The formats a stream can be read from or written to. */
    enum Format {
        SUBUNIT1(StreamFormat.V1),
        SUBUNIT2(StreamFormat.V2);

        final StreamFormat stream;

        Format(StreamFormat stream) {
            this.stream = stream;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Option(
            names = "--from",
            converter = FormatConverter.class,
            description = "Input format (default: detected from each input's first bytes).")
    Format from;

    @Option(
            names = "--to",
            defaultValue = "subunit2",
            converter = FormatConverter.class,
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format to;

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        if (to == Format.SUBUNIT1) {
            return convert(io, V1Writer.to(io.out()));
        }
        return convert(io, PacketWriter.to(io.out()));
    }

    private <W extends StreamResult & Flushable> Integer convert(StandardStreams io, W writer) throws IOException {
        StreamInput.Outcome outcome =
                input.pump(io, "subunit convert", writer, writer, from == null ? null : from.stream);
        writer.stopRun(); // a v1 writer ends the tests the input left open; both flush
        return outcome.clean() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown format '" + value + "': expected one of "
                        + java.util.Arrays.toString(Format.values()));
            }
        }
    }
}
