package org.testr4j.runner.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A command line run by {@code sh -c} in a directory, as testrepository runs {@code .testr.conf}'s
 * commands ({@code subprocess.Popen(cmd, shell=True)}), with standard input closed.
 *
 * <pre>{@code
 * Process p = new ShellCommand("python -m subunit.run discover --list", projectDir).start();
 * }</pre>
 */
public record ShellCommand(String command, Path directory) {
    public ShellCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(directory, "directory");
    }

    /** Starts the command; its standard input is closed at once so a test that reads it does not hang. */
    public Process start() throws CommandException {
        return start(false);
    }

    /** Starts the command with its standard input left open, for feeding it test ids. */
    public Process startFed() throws CommandException {
        return start(true);
    }

    private Process start(boolean fed) throws CommandException {
        try {
            Process p = new ProcessBuilder(List.of("sh", "-c", command))
                    .directory(directory.toFile())
                    .start();
            if (!fed) {
                p.getOutputStream().close();
            }
            return p;
        } catch (IOException e) {
            throw new CommandException(
                    "cannot start `sh -c " + command + "` in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Describes an exit status: {@code 137} reads "exit status 137 (killed by signal 9)". */
    public static String describeExit(int status) {
        if (status > 128 && status < 128 + 65) {
            return "exit status " + status + " (killed by signal " + (status - 128) + ")";
        }
        return "exit status " + status;
    }
}
