package org.testr4j.runner.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs Maven as the project expects: its wrapper {@code ./mvnw} when the project has one, else
 * {@code mvn} from {@code PATH}; quiet and in batch mode, in the project's directory. A failure is a
 * {@link MavenException} holding Maven's own error lines.
 *
 * <pre>{@code
 * new MavenInvoker(projectDir).run(List.of("test-compile"));
 * }</pre>
 */
public final class MavenInvoker {
    private static final int SHOWN_LINES = 25;
    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m");

    private final Path directory;
    private final List<String> executable;

    /** Maven for the project in {@code directory}; fails when neither a wrapper nor {@code mvn} is found. */
    public MavenInvoker(Path directory) throws MavenException {
        this.directory = directory;
        this.executable = find(directory)
                .orElseThrow(
                        () -> new MavenException(
                                "Maven is needed to build and run the tests of the Maven project in " + directory
                                        + ", and there is neither a wrapper (./mvnw) nor mvn on PATH: install Maven 3.6.3 or later"
                                        + " (Debian: apt-get install maven), or give the project a wrapper (mvn wrapper:wrapper)"));
    }

    /** The command that starts Maven, e.g. {@code [./mvnw]} or {@code [/usr/bin/mvn]}. */
    public List<String> executable() {
        return executable;
    }

    /** Runs {@code mvn -q -B ARGS}, returning its output; throws with Maven's error lines if it fails. */
    public String run(List<String> args) throws MavenException, InterruptedException {
        List<String> command = new ArrayList<>(executable);
        command.add("-q");
        command.add("-B");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new MavenException("cannot start " + String.join(" ", command) + ": " + e.getMessage());
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            output = bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            process.destroy();
            throw new MavenException("cannot read the output of " + String.join(" ", command) + ": " + e.getMessage());
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new MavenException(describe(command) + " failed (exit status " + exit + ") in " + directory + ":\n"
                    + errorLines(output));
        }
        return output;
    }

    /** Maven's {@code [ERROR]} lines, or the output's last lines when it printed none. */
    static String errorLines(String output) {
        List<String> lines = output.lines()
                .map(l -> ANSI.matcher(l).replaceAll("")) // Maven 3.8 prints colour resets even in batch mode
                .filter(l -> !l.isBlank())
                .toList();
        List<String> errors = lines.stream()
                .filter(l -> l.startsWith("[ERROR]") && !l.strip().equals("[ERROR]"))
                .filter(l -> !l.contains("-> [Help 1]")
                        && !l.contains("To see the full stack trace")
                        && !l.contains("Re-run Maven using")
                        && !l.contains("For more information about the errors")
                        && !l.contains("[Help 1] http")
                        && !l.contains("After correcting the problems")
                        && !l.contains("mvn <args> -rf"))
                .toList();
        List<String> shown = errors.isEmpty() ? lines : errors;
        if (shown.size() > SHOWN_LINES) {
            shown = shown.subList(0, SHOWN_LINES);
        }
        return String.join("\n", shown);
    }

    private static String describe(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        shown.set(0, Path.of(shown.get(0)).getFileName().toString());
        return String.join(" ", shown.subList(0, Math.min(shown.size(), 4))) + (shown.size() > 4 ? " ..." : "");
    }

    private static Optional<List<String>> find(Path directory) {
        Path wrapper = directory.resolve("mvnw");
        if (Files.isRegularFile(wrapper)) {
            return Optional.of(
                    Files.isExecutable(wrapper) ? List.of(wrapper.toString()) : List.of("sh", wrapper.toString()));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path mvn = Path.of(dir, "mvn");
                if (Files.isRegularFile(mvn) && Files.isExecutable(mvn)) {
                    return Optional.of(List.of(mvn.toString()));
                }
            }
        }
        return Optional.empty();
    }
}
