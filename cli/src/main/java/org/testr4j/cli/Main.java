package org.testr4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the testr4j jar: picks the command by the name the launcher was started under.
 *
 * <p>{@code bin/testr} and {@code bin/subunit} are the two commands. A link named after a
 * python-subunit tool ({@code subunit-stats}, {@code subunit2junitxml}, ...) runs the subcommand
 * that does that tool's job, so testr4j drops into existing pipelines unchanged.
 */
public final class Main {
    /** python-subunit's tool names and the {@code subunit} arguments that do their job. */
    static final Map<String, String[]> COMPATIBILITY_NAMES = Map.ofEntries(
            Map.entry("subunit-stats", new String[] {"stats"}),
            Map.entry("subunit-ls", new String[] {"ls"}),
            Map.entry("subunit-filter", new String[] {"filter"}),
            Map.entry("subunit-tags", new String[] {"tags"}),
            Map.entry("subunit-output", new String[] {"output"}),
            Map.entry("subunit-trace", new String[] {"trace"}),
            Map.entry("subunit2junitxml", new String[] {"convert", "--to", "junitxml"}),
            Map.entry("subunit2csv", new String[] {"convert", "--to", "csv"}),
            Map.entry("tap2subunit", new String[] {"convert", "--from", "tap", "--to", "subunit2"}),
            Map.entry("subunit-1to2", new String[] {"convert", "--from", "subunit1", "--to", "subunit2"}),
            Map.entry("subunit-2to1", new String[] {"convert", "--from", "subunit2", "--to", "subunit1"}));

    private Main() {}

    public static void main(String[] args) {
        String launcher = System.getProperty("testr4j.launcher", "subunit");
        System.exit(run(launcher, args));
    }

    /** Runs the command for {@code launcher} with {@code args}; returns the exit code. */
    static int run(String launcher, String[] args) {
        String name = launcher.toLowerCase(Locale.ROOT);
        if (name.equals("testr")) {
            return Commands.testr(args).execute(args);
        }
        String[] prefix = COMPATIBILITY_NAMES.get(name);
        if (prefix == null) {
            return Commands.subunit().execute(args);
        }
        CommandLine cli = Commands.subunit();
        String[] all = Arrays.copyOf(prefix, prefix.length + args.length);
        System.arraycopy(args, 0, all, prefix.length, args.length);
        return cli.execute(all);
    }
}
