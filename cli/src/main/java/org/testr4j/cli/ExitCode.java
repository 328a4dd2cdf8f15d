package org.testr4j.cli;

/** The exit codes of every testr4j command, listed in each command's {@code --help}. */
final class ExitCode {
    /** Everything passed. */
    static final int OK = 0;
    /** Tests failed (or the stream reports failures). */
    static final int TESTS_FAILED = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The input or configuration was bad: a corrupt stream, a missing file. */
    static final int BAD_INPUT = 3;
    /** A bug in testr4j: please report it with the stack trace. */
    static final int INTERNAL = 4;
    /** Ctrl-C (SIGINT) stopped a run, which is kept: 128 + 2, as a shell reports a command the signal ended. */
    static final int INTERRUPTED = 130;
    /** SIGTERM stopped a run, which is kept: 128 + 15. */
    static final int TERMINATED = 143;

    /** The list every command's help shows. */
    static java.util.Map<String, String> help() {
        var list = new java.util.LinkedHashMap<String, String>();
        list.put("0", "everything passed");
        list.put("1", "tests failed");
        list.put("2", "bad command line");
        list.put("3", "bad input or configuration (corrupt stream, missing file)");
        list.put("4", "internal error (please report it)");
        list.put("130", "interrupted by Ctrl-C (SIGINT); the partial run is kept");
        list.put("143", "stopped by SIGTERM; the partial run is kept");
        return list;
    }

    private ExitCode() {}
}
