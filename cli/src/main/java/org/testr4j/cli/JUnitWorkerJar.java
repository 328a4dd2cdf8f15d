package org.testr4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where testr4j's JUnit worker jar is: named by {@code -Dtestr4j.junit.jar}, beside the jar testr
 * runs from ({@code cli/target/testr4j-junit.jar}, copied there by the build), or in a source
 * checkout's {@code junit/target}.
 */
final class JUnitWorkerJar {
    static final String FILE_NAME = "testr4j-junit.jar";

    private JUnitWorkerJar() {}

    static Path locate() {
        String named = System.getProperty("testr4j.junit.jar");
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath();
        }
        List<Path> candidates = new ArrayList<>();
        Path home = codeLocation();
        if (home != null) {
            Path dir = home.getParent(); // cli/target, from cli/target/classes or cli/target/testr4j.jar
            candidates.add(dir.resolve(FILE_NAME));
            if (dir.getParent() != null && dir.getParent().getParent() != null) {
                candidates.add(dir.getParent()
                        .getParent()
                        .resolve("junit")
                        .resolve("target")
                        .resolve(FILE_NAME));
            }
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        throw new UserException(
                "testr4j's JUnit worker jar (" + FILE_NAME + ") is missing; looked in " + candidates
                        + ": rebuild testr4j (mvn -B -DskipTests package)",
                ExitCode.INTERNAL);
    }

    /** The {@code java} that runs testr, which also runs the workers (as Surefire uses Maven's JVM). */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path codeLocation() {
        try {
            var source = JUnitWorkerJar.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
