package org.testr4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code subunit}: tools over subunit streams, one subcommand each. */
@Command(
        name = "subunit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Read, summarise and convert subunit streams (v2 and v1).",
        subcommands = {
            StatsCommand.class,
            LsCommand.class,
            ConvertCommand.class,
            OutputCommand.class,
            TraceCommand.class,
            FilterCommand.class,
            TagsCommand.class
        })
final class SubunitCommand implements Runnable {
    private final StandardStreams streams;

    @Spec
    CommandSpec spec;

    SubunitCommand(StandardStreams streams) {
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
