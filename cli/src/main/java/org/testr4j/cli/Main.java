package org.testr4j.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Entry point of the testr4j jar: picks the {@code testr} or {@code subunit} command by the name
 * the launcher was started under ({@code bin/testr}, {@code bin/subunit}, or a compatibility link).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String launcher = System.getProperty("testr4j.launcher", "subunit");
        System.exit(run(launcher, args));
    }

    /** Runs the command for {@code launcher} with {@code args}; returns the exit code. */
    static int run(String launcher, String[] args) {
        String name = launcher.toLowerCase(Locale.ROOT);
        CommandLine cli = name.equals("testr") ? Commands.testr(args) : Commands.subunit();
        return cli.execute(args);
    }
}
