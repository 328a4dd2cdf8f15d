package org.testr4j.runner.worker;

/**
 * A command from {@code .testr.conf} could not start or failed: the message names the command, the
 * exit status and what it printed on standard error.
 *
 * <pre>{@code
 * try { lister.list(template); } catch (CommandException e) { err.println("testr: " + e.getMessage()); }
 * }</pre>
 */
public final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
