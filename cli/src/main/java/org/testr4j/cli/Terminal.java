package org.testr4j.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where standard output goes, as far as the live view cares: a terminal (its width, whether to
 * colour) or a file or pipe (plain lines, no control codes).
 *
 * <p>{@code TESTR4J_TERMINAL=1} or {@code 0} overrides the detection (for tests and odd setups);
 * {@code NO_COLOR} turns colour off (no-color.org); {@code COLUMNS} gives the width, else {@code
 * stty} on the terminal, else {@value #DEFAULT_WIDTH}.
 *
 * <pre>{@code
 * Terminal t = Terminal.of(streams.out(), System.getenv()); // Terminal[attached=true, color=true, width=132]
 * }</pre>
 *
 * @param attached standard output is a terminal: redraw in place
 * @param color colour the output
 * @param width columns a line may use
 */
record Terminal(boolean attached, boolean color, int width) {
    static final int DEFAULT_WIDTH = 80;

    /** What {@code out} is, given the environment {@code env}. */
    static Terminal of(OutputStream out, Map<String, String> env) {
        String forced = env.getOrDefault("TESTR4J_TERMINAL", "");
        boolean attached = forced.equals("1") || (!forced.equals("0") && out instanceof FileOutputStream && isTty());
        String noColor = env.getOrDefault("NO_COLOR", "");
        int width = parseWidth(env.get("COLUMNS"));
        if (width <= 0) {
            width = attached ? sttyWidth() : DEFAULT_WIDTH;
        }
        return new Terminal(attached, attached && noColor.isEmpty(), width);
    }

    private static int parseWidth(String columns) {
        try {
            return columns == null ? 0 : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return 0; // an odd COLUMNS is not worth a complaint: the terminal is asked instead
        }
    }

    /** Whether this process's standard output is a terminal: Linux says through /proc, elsewhere the console. */
    private static boolean isTty() {
        Path stdout = Path.of("/proc/self/fd/1");
        if (Files.exists(stdout)) {
            try {
                String target = Files.readSymbolicLink(stdout).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /** The terminal's width as {@code stty size} reports it, or the default when it cannot be asked. */
    private static int sttyWidth() {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            stty.getOutputStream().close();
            String answer;
            try (InputStream in = stty.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroyForcibly();
                return DEFAULT_WIDTH;
            }
            String[] rowsCols = answer.split("\\s+");
            int width = rowsCols.length == 2 ? parseWidth(rowsCols[1]) : 0;
            return width > 0 ? width : DEFAULT_WIDTH;
        } catch (IOException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_WIDTH;
        }
    }
}
