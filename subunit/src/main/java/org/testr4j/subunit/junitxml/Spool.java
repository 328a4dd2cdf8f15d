package org.testr4j.subunit.junitxml;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes written now to be copied out later, in bounded memory: the first {@code inMemory} bytes stay
 * on the heap, the rest go to a temporary file that {@link #close()} deletes.
 */
final class Spool extends OutputStream {
    private final int inMemory;
    private final Path tempDir;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;

    /** @param tempDir where to spill, or null for the system's temporary directory */
    Spool(int inMemory, Path tempDir) {
        this.inMemory = inMemory;
        this.tempDir = tempDir;
    }

    @Override
    public void write(int b) throws IOException {
        if (fileOut != null) {
            fileOut.write(b);
        } else if (memory.size() < inMemory) {
            memory.write(b);
        } else {
            write(new byte[] {(byte) b}, 0, 1); // the byte that spills
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + len > inMemory) {
            file = tempDir == null
                    ? Files.createTempFile("testr4j-junitxml", ".part")
                    : Files.createTempFile(tempDir, "testr4j-junitxml", ".part");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** True once the content no longer fits in memory. */
    boolean spilled() {
        return file != null;
    }

    /** Writes everything written so far to {@code out}. */
    void copyTo(OutputStream out) throws IOException {
        if (fileOut == null) {
            memory.writeTo(out);
            return;
        }
        fileOut.flush();
        if (out instanceof FileOutputStream) {
            // file to file or pipe inside the kernel: a spilled spool is the whole report, hundreds of MB
            try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ)) {
                FileChannel to = ((FileOutputStream) out).getChannel();
                long size = from.size();
                for (long at = 0; at < size; ) {
                    at += from.transferTo(at, size - at, to);
                }
            }
            return;
        }
        Files.copy(file, out);
    }

    /** Deletes the temporary file, if there is one. */
    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            try {
                fileOut.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
