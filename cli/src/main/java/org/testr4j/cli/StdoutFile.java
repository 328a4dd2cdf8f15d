package org.testr4j.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Standard output as a file a writer can come back to: a regular file, not opened for append. A
 * report whose summary leads it (JUnit XML's counts) is then written once, in place, instead of
 * through a temporary copy as large as the report. Linux's {@code /proc} tells; elsewhere, or for a
 * pipe, a terminal or {@code >>}, there is none.
 */
final class StdoutFile {
    private static final long O_APPEND = 02000; // octal, as /proc/self/fdinfo shows the flags

    private StdoutFile() {}

    /** The channel of {@code out} if it is the process's standard output and a file to write in place. */
    static Optional<FileChannel> of(OutputStream out) {
        if (!(out instanceof FileOutputStream)) {
            return Optional.empty();
        }
        FileOutputStream file = (FileOutputStream) out;
        try {
            if (file.getFD() != FileDescriptor.out
                    || !Files.isRegularFile(Path.of("/proc/self/fd/1"))
                    || appending(Files.readAllLines(Path.of("/proc/self/fdinfo/1")))) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no /proc: write as to a pipe
        }
        return Optional.of(file.getChannel());
    }

    /** Whether fdinfo's {@code flags:} line (octal) has {@code O_APPEND}; unknown counts as appending. */
    static boolean appending(Iterable<String> fdinfo) {
        for (String line : fdinfo) {
            if (line.startsWith("flags:")) {
                return (Long.parseLong(line.substring("flags:".length()).trim(), 8) & O_APPEND) != 0;
            }
        }
        return true;
    }
}
