package org.testr4j.runner.maven;

/**
 * A Maven project testr cannot run: Maven is missing, the build failed (the message holds Maven's
 * own error lines), or a pom cannot be read. The message says what to do.
 *
 * <pre>{@code
 * try {
 *     MavenTestSetup.prepare(projectDir, options);
 * } catch (MavenException e) {
 *     err.println(e.getMessage()); // "mvn -q -B test-compile failed: [ERROR] ..."
 * }
 * }</pre>
 */
public final class MavenException extends Exception {
    private static final long serialVersionUID = 1L;

    public MavenException(String message) {
        super(message);
    }
}
