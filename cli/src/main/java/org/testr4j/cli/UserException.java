package org.testr4j.cli;

/**
 * A problem the user can fix (a missing file, an unsupported format): printed as one line, no
 * stack trace, exit code {@link ExitCode#BAD_INPUT} unless another is given.
 */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserException(String message) {
        this(message, ExitCode.BAD_INPUT);
    }

    UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
