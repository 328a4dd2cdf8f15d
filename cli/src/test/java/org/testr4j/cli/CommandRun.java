package org.testr4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs a command in-process with captured standard streams: picocli's black-box style. */
record CommandRun(int exitCode, byte[] stdout, String stderr) {
    static CommandRun subunit(byte[] stdin, String... args) {
        return run(true, stdin, args);
    }

    static CommandRun testr(byte[] stdin, String... args) {
        return run(false, stdin, args);
    }

    private static CommandRun run(boolean subunit, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        StandardStreams streams = new StandardStreams(new ByteArrayInputStream(stdin), out, new PrintWriter(err, true));
        CommandLine cli = subunit ? Commands.subunit(streams) : Commands.testr(streams);
        int code = cli.execute(args);
        cli.getOut().flush();
        return new CommandRun(code, out.toByteArray(), err.toString());
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
