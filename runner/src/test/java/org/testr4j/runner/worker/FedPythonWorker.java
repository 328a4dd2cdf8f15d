package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A fed test worker in python for tests, {@code fed_worker.py} beside this class: each test sleeps
 * the seconds after its id's last underscore; it lists {@code tests.txt} ({@code *} marks a test in
 * order), speaks the feed's cancel, and takes {@code --answer-at-once} or {@code --ignore-cancel}.
 * Shared with the cli module's launcher tests through this module's test jar.
 *
 * <pre>{@code
 * FedPythonWorker.writeTo(dir); // then: python3 worker.py --answer-at-once
 * }</pre>
 */
public final class FedPythonWorker {
    /** The script's file name in the directory it is written to. */
    public static final String FILE = "worker.py";

    private FedPythonWorker() {}

    /** Writes the script to {@code dir}/{@value #FILE}. */
    public static Path writeTo(Path dir) throws IOException {
        Path to = dir.resolve(FILE);
        try (InputStream in = FedPythonWorker.class.getResourceAsStream("fed_worker.py")) {
            if (in == null) {
                throw new IOException("fed_worker.py is missing beside " + FedPythonWorker.class.getName());
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }
}
