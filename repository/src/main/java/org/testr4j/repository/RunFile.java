package org.testr4j.repository;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One run's stream in {@code .testr/runs/}: {@code 7.subunit.gz} once stored, {@code 7.subunit}
 * when copied in by hand, {@code 7.subunit.part} while being written (or for good, if its writer
 * died: an interrupted run). Gzip keeps the exact bytes and takes a fraction of the space.
 *
 * @param id the run id, from the file name
 * @param path the file
 * @param kind how the stream is kept
 * @param size the file's size when it was looked at
 */
record RunFile(int id, Path path, Kind kind, long size) {
    private static final Pattern NAME = Pattern.compile("(0|[1-9][0-9]{0,8})\\.subunit(\\.gz|\\.part)?");

    enum Kind {
        GZIP(".subunit.gz"),
        PLAIN(".subunit"),
        PART(".subunit.part");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** Which kind wins when one id has several files (a writer died between rename and delete). */
        boolean preferredTo(Kind other) {
            return ordinal() < other.ordinal();
        }
    }

    /** The run file {@code path} names, if it names one. */
    static Optional<RunFile> of(Path path) throws IOException {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = m.group(2) == null ? Kind.PLAIN : m.group(2).equals(".gz") ? Kind.GZIP : Kind.PART;
        return Optional.of(new RunFile(Integer.parseInt(m.group(1)), path, kind, Files.size(path)));
    }

    static Path pathOf(Path runsDir, int id, Kind kind) {
        return runsDir.resolve(id + kind.suffix);
    }

    /** What the index remembers to tell whether the file changed: its name and size. */
    String stamp() {
        return path.getFileName() + ":" + size;
    }

    boolean interrupted() {
        return kind == Kind.PART;
    }

    /** The stream's v2 bytes. */
    InputStream open() throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return kind == Kind.GZIP ? new GZIPInputStream(in, 1 << 16) : new BufferedInputStream(in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new IOException("cannot read run " + id + " from " + path + ": " + e.getMessage(), e);
        }
    }
}
