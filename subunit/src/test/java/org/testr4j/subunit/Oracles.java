package org.testr4j.subunit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python reference tools the interop tests compare with: Debian's python-subunit, subunit,
 * stestr and testrepository. Missing ones fail the test in CI ({@code -Dtestr4j.requireOracles=true},
 * set from {@code CI}) and skip it elsewhere, with the install command in the message.
 */
public final class Oracles {
    /** Debian's interpreter: the first {@code python3} on PATH may lack the oracles. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String INSTALL =
            "apt-get install -y python3-subunit subunit python3-testtools python3-stestr testrepository python3-os-testr";

    private Oracles() {}

    /** The path of {@code /usr/bin/NAME}, after making sure it is there. */
    public static Path command(String name) {
        Path path = Path.of("/usr/bin", name);
        require(Files.isExecutable(path), path.toString());
        return path;
    }

    /** Makes sure Debian's python3 can import {@code module}. */
    public static void pythonModule(String module) {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        require(ok, PYTHON + " module " + module);
    }

    /** {@code ../shared/bench}: the workload generators beside the project root. */
    public static Path sharedBench() {
        Path root = Path.of(System.getProperty("testr4j.projectRoot", ".")).toAbsolutePath();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("bench");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/bench beside " + root);
    }

    private static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "python oracle missing: " + what + "; install with: " + INSTALL;
        if (Boolean.getBoolean("testr4j.requireOracles")) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
