package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testr4j.subunit.StreamFormat;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.SubunitReader;
import org.testr4j.subunit.v2.StreamItem;
import picocli.CommandLine.Parameters;

/**
 * The streams a stream tool reads: the files named on the command line, or standard input, each
 * subunit v1 or v2 as its first bytes say (or as the caller insists). Corruption is reported on
 * stderr as it is met (source, byte offset, reason) and the good packets still flow on.
 */
final class StreamInput {
    @Parameters(paramLabel = "FILE", description = "Streams to read (default: standard input; '-' is standard input).")
    List<Path> files = new ArrayList<>();

    /** How a pass over the inputs went. */
    record Outcome(long packets, long corrupt) {
        boolean clean() {
            return corrupt == 0;
        }
    }

    /**
     * Reads every input into {@code sink}; flushes {@code output} whenever the input goes idle, so
     * a live pipeline shows each packet as soon as it arrives.
     */
    Outcome pump(StandardStreams io, String command, StreamResult sink, Flushable output) throws IOException {
        return pump(io, command, sink, output, null);
    }

    /** As {@link #pump(StandardStreams, String, StreamResult, Flushable)}, reading every input as {@code format}; null detects it. */
    Outcome pump(StandardStreams io, String command, StreamResult sink, Flushable output, StreamFormat format)
            throws IOException {
        long packets = 0;
        long corrupt = 0;
        for (Source source : sources(io)) {
            String label = source.label();
            try (InputStream in = source.open()) {
                SubunitReader reader = format == null ? SubunitReader.lenient(in) : SubunitReader.lenient(in, format);
                long found = 0;
                long other = 0;
                for (Optional<StreamItem> next = reader.read(); next.isPresent(); next = reader.read()) {
                    StreamItem item = next.get();
                    if (item instanceof StreamItem.Corrupt) {
                        corrupt++;
                        report(io.err(), command, label, (StreamItem.Corrupt) item);
                    } else if (item instanceof StreamItem.Packet) {
                        found++;
                    } else {
                        other += ((StreamItem.Interleaved) item).bytes().size();
                    }
                    item.deliverTo(sink);
                    if (output != null && reader.inputIdle()) {
                        output.flush();
                    }
                }
                packets += found;
                if (found == 0 && other > 0) {
                    // Text with no subunit in it is passed on, but it is almost always the wrong input.
                    corrupt++;
                    io.err()
                            .println(command + ": " + label + ": no subunit found in " + other
                                    + " bytes of input: is it a test stream (subunit v2 or v1)?");
                }
            }
        }
        return new Outcome(packets, corrupt);
    }

    /** One input: a file named on the command line, or standard input. */
    static final class Source {
        private final Path path;
        private final StandardStreams io;

        Source(Path path, StandardStreams io) {
            this.path = path;
            this.io = io;
        }

        /** As it was given on the command line: the path, or {@code -}. */
        String arg() {
            return path.toString();
        }

        /** How messages name it: the path, or {@code <stdin>}. */
        String label() {
            return isStdin(path) ? "<stdin>" : path.toString();
        }

        /** Opens it; a missing or unreadable file is a {@link UserException} naming the path. */
        InputStream open() {
            return open("read");
        }

        /** As {@link #open()}, with {@code verb} in the messages ({@code cannot load X: no such file}). */
        InputStream open(String verb) {
            return StreamInput.open(path, io, verb);
        }
    }

    /** The inputs in command-line order; standard input when none is named. */
    List<Source> sources(StandardStreams io) {
        List<Source> sources = new ArrayList<>();
        for (Path path : files.isEmpty() ? List.of(Path.of("-")) : files) {
            sources.add(new Source(path, io));
        }
        return sources;
    }

    private static void report(PrintWriter err, String command, String label, StreamItem.Corrupt corrupt) {
        err.println(command + ": " + label + ": " + corrupt.message());
    }

    private static boolean isStdin(Path source) {
        return source.toString().equals("-");
    }

    private static InputStream open(Path source, StandardStreams io, String verb) {
        if (isStdin(source)) {
            return new BufferedInputStream(io.in(), 1 << 16) {
                @Override
                public void close() {
                    // standard input stays open for whoever comes next
                }
            };
        }
        try {
            if (Files.isDirectory(source)) {
                throw new UserException("cannot " + verb + " " + source + ": it is a directory; name a stream file");
            }
            return Files.newInputStream(source);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot " + verb + " " + source + ": no such file");
        } catch (IOException e) {
            throw new UserException("cannot " + verb + " " + source + ": " + e.getMessage());
        }
    }
}
