package org.testr4j.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A v1 stream turned into v2 by python-subunit's {@code subunit-1to2}, fed from one thread and
 * read as it converts. Interim: the v1 reader being written for the subunit module replaces it.
 */
final class V1Conversion extends FilterInputStream {
    static final String TOOL = "subunit-1to2";

    private final Process process;
    private final Thread feeder;
    private final AtomicReference<IOException> feedFailure;
    private final String label;

    private V1Conversion(Process process, Thread feeder, AtomicReference<IOException> feedFailure, String label) {
        super(process.getInputStream());
        this.process = process;
        this.feeder = feeder;
        this.feedFailure = feedFailure;
        this.label = label;
    }

    static V1Conversion start(InputStream v1, String label) {
        Process process;
        try {
            process = new ProcessBuilder(TOOL)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UserException(label + " is a subunit v1 stream: reading it needs " + TOOL
                    + " (apt-get install python3-subunit) until testr4j reads v1 itself");
        }
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread feeder = new Thread(
                () -> {
                    try (OutputStream to = process.getOutputStream()) {
                        v1.transferTo(to);
                    } catch (IOException e) {
                        failure.set(e);
                    }
                },
                "v1 feeder");
        feeder.setDaemon(true);
        feeder.start();
        return new V1Conversion(process, feeder, failure, label);
    }

    /** Waits for the converter and fails, naming the input, if it did. */
    @Override
    public void close() throws IOException {
        super.close();
        try {
            feeder.join();
            int status = process.waitFor();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (status != 0) {
                throw new IOException("cannot convert " + label + " from subunit v1: " + TOOL + " exited with " + status
                        + (errors.isEmpty()
                                ? ""
                                : ": " + errors.lines().reduce((a, b) -> b).orElse("")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while converting " + label, e);
        }
        if (feedFailure.get() != null) {
            throw new IOException(
                    "cannot read " + label + ": " + feedFailure.get().getMessage(), feedFailure.get());
        }
    }
}
