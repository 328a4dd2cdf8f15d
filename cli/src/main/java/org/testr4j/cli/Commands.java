package org.testr4j.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Builds the {@code testr} and {@code subunit} command lines and maps failures to exit codes in one place. */
final class Commands {
    private Commands() {}

    static CommandLine subunit() {
        return subunit(StandardStreams.system());
    }

    static CommandLine testr(String... args) {
        return testr(StandardStreams.system(), args);
    }

    static CommandLine subunit(StandardStreams streams) {
        CommandLine cli = configure(new CommandLine(new SubunitCommand(streams)), streams);
        // subunit-tags takes -TAG to mean "remove TAG", not an option.
        cli.getSubcommands().get("tags").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }

    static CommandLine testr(StandardStreams streams, String... args) {
        CommandLine cli = new CommandLine(new TestrCommand(streams));
        String named = subcommandIn(args);
        for (var sub : TestrCommand.SUBCOMMANDS.entrySet()) {
            if (named == null || named.equals(sub.getKey())) {
                cli.addSubcommand(sub.getKey(), sub.getValue());
            }
        }
        return configure(cli, streams);
    }

    /** The subcommand the arguments name, or null (help, a typo): then every subcommand is registered. */
    private static String subcommandIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-C") || arg.equals("--directory")) {
                i++; // its value
            } else if (!arg.startsWith("-")) {
                return TestrCommand.SUBCOMMANDS.containsKey(arg) ? arg : null;
            }
        }
        return null;
    }

    private static CommandLine configure(CommandLine cli, StandardStreams streams) {
        cli.setOut(new PrintWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        cli.setErr(streams.err());
        cli.setExecutionExceptionHandler(Commands::handle);
        for (CommandLine each : allOf(cli)) {
            each.getCommandSpec()
                    .usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCode.help());
        }
        return cli;
    }

    private static java.util.List<CommandLine> allOf(CommandLine cli) {
        var all = new java.util.ArrayList<CommandLine>();
        all.add(cli);
        cli.getSubcommands().values().forEach(sub -> all.addAll(allOf(sub)));
        return all;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        if (e instanceof UserException) {
            err.println(name + ": " + e.getMessage());
            return ((UserException) e).exitCode();
        }
        IOException io = e instanceof IOException
                ? (IOException) e
                : e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : null;
        if (io != null && String.valueOf(io.getMessage()).contains("Broken pipe")) {
            return 141; // the reader went away (| head): end quietly, as a shell pipeline expects
        }
        if (io != null) {
            err.println(name + ": " + io.getMessage());
            return ExitCode.BAD_INPUT;
        }
        e.printStackTrace(err);
        err.println(name + ": internal error; please report it with the trace above");
        return ExitCode.INTERNAL;
    }
}
