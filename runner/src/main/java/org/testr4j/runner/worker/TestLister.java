package org.testr4j.runner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.testr4j.runner.config.CommandTemplate;

/**
 * Runs the test command with {@code $LISTOPT} and returns the ids it lists.
 *
 * <pre>{@code
 * List<String> ids = new TestLister(projectDir).list(conf.commandTemplate(List.of()));
 * }</pre>
 */
public final class TestLister {
    private static final int STDERR_TAIL = 8 * 1024;

    private final Path directory;

    public TestLister(Path directory) {
        this.directory = directory;
    }

    /**
     * The listed ids, in order.
     *
     * @throws CommandException if the command does not use {@code $LISTOPT}, cannot start, or exits non-zero
     */
    public List<String> list(CommandTemplate template) throws CommandException {
        return listing(template).ids();
    }

    /** As {@link #list}, with the tests the listing says must run in their group's order. */
    public ListedTests.Listing listing(CommandTemplate template) throws CommandException {
        if (!template.canList()) {
            throw new CommandException("test_command does not use $LISTOPT, so testr cannot list the tests: add"
                    + " $LISTOPT to test_command and set test_list_option (for python -m subunit.run: --list)");
        }
        String command = template.listCommand();
        Process p = new ShellCommand(command, directory).start();
        CompletableFuture<String> stderr = OutputTail.drain(p.getErrorStream(), STDERR_TAIL, "testr-list-stderr");
        byte[] out;
        int status;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
            status = p.waitFor();
        } catch (IOException e) {
            throw new CommandException("reading the test listing of `" + command + "` failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while listing tests with `" + command + "`", e);
        }
        if (status != 0) {
            throw new CommandException("listing tests with `" + command + "` failed with "
                    + ShellCommand.describeExit(status) + "; its stderr ends:\n" + stderr.join());
        }
        return ListedTests.read(out);
    }
}
