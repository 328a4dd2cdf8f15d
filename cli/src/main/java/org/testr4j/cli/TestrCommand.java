package org.testr4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code testr}: the test repository and runner. Its subcommands arrive with the repository and runner modules. */
@Command(
        name = "testr",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A test repository and parallel test runner for the JVM and any language that speaks subunit.")
final class TestrCommand implements Runnable {
    private final StandardStreams streams;

    @Spec
    CommandSpec spec;

    TestrCommand(StandardStreams streams) {
        this.streams = streams;
    }

    StandardStreams streams() {
        return streams;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
