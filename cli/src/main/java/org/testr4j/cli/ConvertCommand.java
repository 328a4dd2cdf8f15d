package org.testr4j.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        description = "Convert a stream from one format to another. Formats: ${COMPLETION-CANDIDATES}.")
final class ConvertCommand implements Callable<Integer> {
    /** The formats a stream can be read from or written to. */
    enum Format {
        SUBUNIT2;

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
            defaultValue = "subunit2",
            converter = FormatConverter.class,
            description = "Input format (default: ${DEFAULT-VALUE}).")
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
        PacketWriter writer = PacketWriter.to(io.out());
        StreamInput.Outcome outcome = input.pump(io, "subunit convert", writer, writer);
        writer.flush();
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
