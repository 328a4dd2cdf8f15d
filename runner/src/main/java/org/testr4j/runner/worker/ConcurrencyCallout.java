package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs {@code test_run_concurrency}, the command that prints how many workers to use, and reads its
 * answer as testrepository does ({@code int(out.strip())}).
 *
 * <pre>{@code
 * int workers = new ConcurrencyCallout(projectDir).workers("nproc"); // 8
 * }</pre>
 */
public final class ConcurrencyCallout {
    private final Path directory;

    public ConcurrencyCallout(Path directory) {
        this.directory = directory;
    }

    /**
     * The number {@code command} prints.
     *
     * @throws CommandException if it exits non-zero or prints anything but one positive whole number
     */
    public int workers(String command) throws CommandException {
        Process p = new ShellCommand(command, directory).start();
        String out;
        int status;
        var stderr = OutputTail.drain(p.getErrorStream(), 2048, "testr-concurrency-stderr");
        try (InputStream stdout = p.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
            status = p.waitFor();
        } catch (IOException e) {
            throw new CommandException(
                    "test_run_concurrency `" + command + "`: reading its output failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while running test_run_concurrency `" + command + "`", e);
        }
        if (status != 0) {
            throw new CommandException(
                    "test_run_concurrency `" + command + "` failed with " + ShellCommand.describeExit(status)
                            + ", stderr: '" + stderr.join().strip() + "'");
        }
        try {
            int n = Integer.parseInt(out);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with what was printed
        }
        throw new CommandException(
                "test_run_concurrency `" + command + "` must print a positive whole number, printed: '" + out + "'");
    }
}
