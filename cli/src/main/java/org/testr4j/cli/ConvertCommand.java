package org.testr4j.cli;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.testr4j.subunit.StreamFormat;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.csv.CsvWriter;
import org.testr4j.subunit.junitxml.JUnitXmlReader;
import org.testr4j.subunit.junitxml.JUnitXmlWriter;
import org.testr4j.subunit.tap.TapReader;
import org.testr4j.subunit.tap.TapWriter;
import org.testr4j.subunit.v1.V1Writer;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code subunit convert}: read a stream in one format and write it in another, streaming. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Convert test results from one format to another, in constant memory.",
            "Read: subunit2, subunit1 (detected when --from is not given), junitxml (Surefire/Gradle",
            "report files or directories of TEST-*.xml), tap, json.",
            "Write: subunit2, subunit1, junitxml, tap, csv, json (one event per line),",
            "json-tests (one finished test per line)."
        })
final class ConvertCommand implements Callable<Integer> {
    /** The formats results can be read from or written to. */
    enum Format {
        SUBUNIT1,
        SUBUNIT2,
        JUNITXML,
        TAP,
        CSV,
        JSON,
        JSON_TESTS;

        static final List<Format> READABLE = List.of(SUBUNIT1, SUBUNIT2, JUNITXML, TAP, JSON);

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @ParentCommand
    SubunitCommand parent;

    @Mixin
    StreamInput input;

    @Option(
            names = "--from",
            converter = FormatConverter.class,
            description = "Input format (default: subunit2 or subunit1, detected from each input's first bytes).")
    Format from;

    @Option(
            names = "--to",
            defaultValue = "subunit2",
            converter = FormatConverter.class,
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format to;

    @Override
    public Integer call() throws IOException {
        if (from != null && !Format.READABLE.contains(from)) {
            throw new UserException(
                    "cannot read " + from + ": readable formats are " + Format.READABLE, ExitCode.USAGE);
        }
        StandardStreams io = parent.streams();
        StreamResult writer = writer(io);
        Flushable live = writer instanceof Flushable ? (Flushable) writer : null;
        writer.startRun();
        long problems = read(io, writer, live);
        writer.stopRun(); // writers that gather (JUnit XML, TAP's plan, v1's open tests) finish here
        io.out().flush();
        return problems == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private StreamResult writer(StandardStreams io) throws IOException {
        switch (to) {
            case SUBUNIT1:
                return V1Writer.to(io.out());
            case JUNITXML:
                // into a file in place; through a temporary copy to a pipe, where the counts cannot wait
                return StdoutFile.of(io.out())
                        .map(JUnitXmlWriter::inPlace)
                        .orElseGet(() -> JUnitXmlWriter.to(io.out()));
            case TAP:
                return TapWriter.to(io.out());
            case CSV:
                return CsvWriter.to(io.out());
            case JSON:
                return JsonLinesWriter.events(io.out());
            case JSON_TESTS:
                return JsonLinesWriter.tests(io.out());
            default:
                return PacketWriter.to(io.out());
        }
    }

    /** Reads every input into {@code sink}; returns how many problems were reported on stderr. */
    private long read(StandardStreams io, StreamResult sink, Flushable live) throws IOException {
        String command = "subunit convert";
        if (from == null || from == Format.SUBUNIT1 || from == Format.SUBUNIT2) {
            StreamFormat format = from == null ? null : from == Format.SUBUNIT1 ? StreamFormat.V1 : StreamFormat.V2;
            return input.pump(io, command, sink, live, format).corrupt();
        }
        long problems = 0;
        if (from == Format.JUNITXML) {
            JUnitXmlReader reader = new JUnitXmlReader();
            if (input.files.isEmpty()) {
                problems += reportIfBad(io, command, () -> reader.read(io.in(), "<stdin>", sink));
            }
            for (Path path : input.files) {
                problems += reportIfBad(io, command, () -> reader.read(List.of(path), sink));
            }
            return problems;
        }
        for (StreamInput.Source source : input.sources(io)) {
            try (InputStream in = source.open()) {
                if (from == Format.TAP) {
                    problems += reportIfBad(io, command + ": " + source.label(), () -> new TapReader(in).readAll(sink));
                } else {
                    problems += new JsonLinesReader()
                            .read(
                                    in,
                                    sink,
                                    problem -> io.err().println(command + ": " + source.label() + ": " + problem));
                }
            }
        }
        return problems;
    }

    private interface Reading {
        void run() throws IOException;
    }

    /** Runs {@code reading}; a format error becomes one line on stderr and the next input is read. */
    private static long reportIfBad(StandardStreams io, String prefix, Reading reading) throws IOException {
        try {
            reading.run();
            return 0;
        } catch (org.testr4j.subunit.junitxml.JUnitXmlFormatException | org.testr4j.subunit.tap.TapFormatException e) {
            io.err().println(prefix + ": " + e.getMessage());
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            io.err().println(prefix + ": cannot read " + e.getFile() + ": no such file");
            return 1;
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "unknown format '" + value + "': expected one of " + Arrays.toString(Format.values()));
            }
        }
    }
}
