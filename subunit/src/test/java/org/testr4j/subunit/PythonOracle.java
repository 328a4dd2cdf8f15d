package org.testr4j.subunit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The python reference tools as a test oracle: Debian's {@code /usr/bin/python3} with python-subunit,
 * testtools, testrepository and stestr, the {@code subunit-*} commands, and the workload generators in
 * {@code ../shared/bench}. Every module's interop tests use this one class (it ships in the subunit
 * test-jar).
 *
 * <p>When something is missing a test aborts with the install command, or fails if the system
 * property {@code testr4j.requireOracles} is {@code true} (CI sets it), so a CI run can never pass
 * without the oracles.
 *
 * <pre>{@code
 * Path stats = PythonOracle.command("subunit-stats");
 * PythonOracle.Run run = PythonOracle.run(dir, stream, out, stats.toString());
 * }</pre>
 */
public final class PythonOracle {
    /** Debian's interpreter; the first python3 on PATH may lack the modules. */
    public static final String PYTHON = "/usr/bin/python3";

    private static final String INSTALL = "install them with: apt-get install -y python3-subunit subunit"
            + " python3-testtools python3-junitxml python3-stestr testrepository"
            + " (and run from a checkout beside ../shared/bench)";

    private PythonOracle() {}

    /** The outcome of one command: its exit status and what it wrote to stderr. */
    public record Run(int exitCode, String stderr) {}

    /**
     * Aborts or fails the test unless python-subunit with testtools, the bench generators and {@code
     * commands} (looked up on PATH) are present.
     */
    public static void require(String... commands) {
        List<String> missing = new ArrayList<>(missingModules("subunit.v2", "testtools"));
        if (!Files.isRegularFile(benchDir().resolve("gen_stream.py"))) {
            missing.add("the workload generators in " + benchDir());
        }
        for (String command : commands) {
            if (!succeeds("sh", "-c", "command -v " + command)) {
                missing.add("the command " + command);
            }
        }
        requireNothingMissing(missing);
    }

    /** Aborts or fails the test unless {@code /usr/bin/python3} can import every one of {@code modules}. */
    public static void requireModules(String... modules) {
        requireNothingMissing(missingModules(modules));
    }

    /** {@code /usr/bin/NAME} (a Debian oracle command), after making sure it is there. */
    public static Path command(String name) {
        Path path = Paths.get("/usr/bin", name);
        if (!Files.isExecutable(path)) {
            requireNothingMissing(List.of("the command " + path));
        }
        return path;
    }

    /** A workload generator from {@link #benchDir()}, after making sure it is there. */
    /**
     * A Python test module kept with these tests ({@code src/test/resources/python/}, shipped in the
     * test-jar): {@code test_extra.py} (a failure, a skip, an expected failure) and {@code
     * test_kill.py} (a test that SIGKILLs its own process), to add to a generated suite.
     */
    public static String pythonModule(String name) throws IOException {
        try (java.io.InputStream in = PythonOracle.class.getResourceAsStream("/python/" + name)) {
            if (in == null) {
                throw new IOException("no Python test module python/" + name + " among the test resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static Path benchScript(String name) {
        Path script = benchDir().resolve(name);
        if (!Files.isRegularFile(script)) {
            requireNothingMissing(List.of("the workload generator " + script));
        }
        return script;
    }

    /** The reactor root: where {@code bin/} and the modules are. */
    public static Path projectRoot() {
        String root = System.getProperty("testr4j.projectRoot");
        Path path = root == null || root.isBlank() ? Paths.get("").toAbsolutePath() : Paths.get(root);
        return Files.isDirectory(path.resolve("subunit")) ? path : path.getParent();
    }

    /** {@code ../shared/bench} beside the checkout, or the system property {@code testr4j.benchDir}. */
    public static Path benchDir() {
        String dir = System.getProperty("testr4j.benchDir");
        return dir != null
                ? Paths.get(dir)
                : projectRoot().resolve("../shared/bench").normalize();
    }

    /** The python helpers committed with the tests. */
    public static Path script(String name) {
        return projectRoot().resolve("subunit/src/test/golden").resolve(name);
    }

    /**
     * Runs {@code command} in {@code dir} with stdin from {@code in} (or nothing) and stdout to
     * {@code out}. Python's hash seed is fixed so set order is the same on every run.
     */
    public static Run run(Path dir, Path in, Path out, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Arrays.asList(command)).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("PYTHONHASHSEED", "0");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("LC_ALL", "C.UTF-8");
        pb.redirectInput(
                in == null
                        ? ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile())
                        : ProcessBuilder.Redirect.from(in.toFile()));
        pb.redirectOutput(out.toFile());
        // Not in dir: a generator may empty its own directory (gen_pysuite.py does).
        Path err = Files.createTempFile("oracle", ".stderr");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            try {
                int code = p.waitFor();
                return new Run(code, Files.readString(err, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + String.join(" ", command), e);
            }
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * What {@code command} writes to stdout, run as {@link #run} does; fails the test, with its
     * stderr, if it does not exit 0.
     */
    public static byte[] output(Path dir, Path in, List<String> command) throws IOException {
        Path out = Files.createTempFile("oracle", ".stdout");
        try {
            exitsZero(command, run(dir, in, out, command.toArray(new String[0])));
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs a python script with Debian's interpreter; fails the test if it does not exit 0. */
    public static void python(Path dir, Path out, Object... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        for (Object a : args) {
            command.add(a.toString());
        }
        exitsZero(command, run(dir, null, out, command.toArray(new String[0])));
    }

    private static void exitsZero(List<String> command, Run run) {
        if (run.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + run.exitCode() + ":\n" + run.stderr());
        }
    }

    private static List<String> missingModules(String... modules) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Paths.get(PYTHON))) {
            missing.add(PYTHON);
        } else if (!succeeds(PYTHON, "-c", "import " + String.join(", ", modules))) {
            missing.add(PYTHON + " with the modules " + String.join(", ", modules));
        }
        return missing;
    }

    /** Missing oracles fail the test when {@code testr4j.requireOracles} is true, else abort it. */
    private static void requireNothingMissing(List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = "python oracle missing: " + String.join(", ", missing) + "; " + INSTALL;
        if (Boolean.getBoolean("testr4j.requireOracles")) {
            fail(message + " (testr4j.requireOracles is true, so this fails instead of skipping)");
        }
        Assumptions.abort(message);
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
