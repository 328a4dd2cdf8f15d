package org.testr4j.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams as raw bytes (subunit is binary) plus a text writer for errors.
 * Commands take them from here, never from {@code System}, so tests can capture them.
 */
record StandardStreams(InputStream in, OutputStream out, PrintWriter err) {
    static StandardStreams system() {
        return new StandardStreams(
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                new PrintWriter(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
