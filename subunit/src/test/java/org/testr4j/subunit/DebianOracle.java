package org.testr4j.subunit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's python-subunit tools for parity tests.
 *
 * <p>A missing tool fails the test when the system property {@code testr4j.requireOracles} is
 * {@code "true"} (CI), and aborts it with what to install otherwise.
 */
public final class DebianOracle {
    private static final String INSTALL =
            "apt-get install -y python3-subunit subunit python3-testtools python3-junitxml";

    private DebianOracle() {}

    /** The path of {@code tool} ({@code /usr/bin/tap2subunit}), or an abort or failure if it is missing. */
    public static Path require(String tool) {
        Path path = Path.of(tool);
        if (!Files.isExecutable(path)) {
            String message = tool + " is missing; install it with: " + INSTALL;
            if (Boolean.getBoolean("testr4j.requireOracles")) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /** A bench script from {@code ../shared/bench}, or an abort or failure if it is missing. */
    public static Path benchScript(String name) {
        Path root = Path.of(System.getProperty("testr4j.projectRoot", ".")).toAbsolutePath();
        Path script = root.resolve("../shared/bench").resolve(name).normalize();
        if (!Files.isRegularFile(script)) {
            String message = script + " is missing: the shared bench scripts sit beside the project";
            if (Boolean.getBoolean("testr4j.requireOracles")) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return script;
    }

    /**
     * Runs {@code command} with {@code stdin} as input and {@code stdout} as output.
     *
     * @return the exit status and what the command wrote on stderr
     */
    public static Outcome run(List<String> command, Path stdin, Path stdout) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("oracle", ".err");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectInput(stdin.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            int status = process.waitFor();
            return new Outcome(status, Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** How a command ended. */
    public record Outcome(int status, String stderr) {}
}
