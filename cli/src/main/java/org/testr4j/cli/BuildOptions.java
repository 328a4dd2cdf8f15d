package org.testr4j.cli;

import picocli.CommandLine.Option;

/** {@code --no-build}: for a Maven project, run what is already compiled. */
final class BuildOptions {
    @Option(
            names = "--no-build",
            description = "In a Maven project without .testr.conf: do not compile the tests first (mvn test-compile)"
                    + " and reuse the classpaths read on an earlier run.")
    boolean noBuild;
}
