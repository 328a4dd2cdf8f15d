package org.testr4j.runner.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code .testr.conf} that runs a Maven project's tests through testr4j's JUnit worker,
 * with one {@code java} argument file per module (Surefire's {@code argLine} and system properties,
 * then the test classpath, which may be longer than a command line allows).
 *
 * <p>A single module's command starts the worker in the module's directory. A reactor's command is
 * a generated shell script that runs each module's worker in turn with the ids that carry its
 * prefix, so a whole reactor is one run.
 *
 * <pre>{@code
 * Path conf = new WorkerConfWriter(root, root.resolve("target/testr4j"), javaCommand).write(modules);
 * }</pre>
 */
public final class WorkerConfWriter {
    /** The worker's main class, in the {@code junit} module's jar. */
    public static final String WORKER_CLASS = "org.testr4j.junit.JUnitWorker";

    /** The class part of a JUnit test id: everything before the method's dot (no dot in parameter lists). */
    static final String GROUP_BY_CLASS = "^[^(\\[]*(?=\\.)";

    private final Path root;
    private final Path state;
    private final Path javaCommand;

    /**
     * @param root the project's root directory
     * @param state where generated files go ({@code target/testr4j})
     * @param java the {@code java} executable for the workers
     */
    public WorkerConfWriter(Path root, Path state, Path java) {
        this.root = root;
        this.state = state;
        this.javaCommand = java;
    }

    /** Writes the argument files, the reactor script if needed and the configuration; returns its path. */
    public Path write(List<ModuleTests> modules) throws MavenException {
        String command;
        String feed = "";
        if (modules.size() == 1 && modules.get(0).idPrefix().isEmpty()) {
            command = workerCommand(modules.get(0)) + " $LISTOPT $IDOPTION";
            feed = "test_feed_option=--feed\n"; // one JVM per worker, fed as it goes idle
        } else {
            Path script = state.resolve("reactor-worker.sh");
            MavenTestSetup.write(script, reactorScript(modules));
            command = "sh " + quote(script) + " $LISTOPT $IDOPTION";
        }
        String conf = "# Written by testr for the Maven project in " + root + " (it has no .testr.conf of its own).\n"
                + "# Regenerated on every run; copy it to .testr.conf to take control.\n"
                + "[DEFAULT]\n"
                + "test_command=" + ini(command) + "\n"
                + "test_id_option=--ids $IDFILE\n"
                + "test_list_option=--list\n"
                + feed
                + "group_regex=" + ini(GROUP_BY_CLASS) + "\n"
                + "# a class whose recorded time exceeds half a worker's share is split across workers\n"
                + "group_split=true\n";
        Path file = state.resolve("testr.conf");
        MavenTestSetup.write(file, conf);
        StringBuilder reports = new StringBuilder();
        for (ModuleTests module : modules) {
            // Surefire's default reportsDirectory: the first run takes its test times from there
            Path dir = module.settings().buildDir().resolve("surefire-reports");
            reports.append(SurefireReportTimes.listLine(module.idPrefix(), dir));
        }
        MavenTestSetup.write(state.resolve(SurefireReportTimes.LIST), reports.toString());
        return file;
    }

    /** The shell command that starts {@code module}'s worker, without a mode. */
    private String workerCommand(ModuleTests module) throws MavenException {
        ModuleSettings s = module.settings();
        Path args = state.resolve(s.artifactId() + ".args");
        MavenTestSetup.write(args, argFile(module));
        List<String> parts = new ArrayList<>();
        parts.add("cd " + quote(s.baseDir()) + " &&");
        parts.add("exec " + quote(javaCommand));
        parts.add(quote("@" + args));
        parts.add(WORKER_CLASS);
        parts.add("--scan " + quote(s.testClasses()));
        for (String include : s.includes()) {
            parts.add("--include " + quote(include));
        }
        for (String exclude : s.excludes()) {
            parts.add("--exclude " + quote(exclude));
        }
        if (!module.idPrefix().isEmpty()) {
            parts.add("--prefix " + quote(module.idPrefix()));
        }
        return String.join(" ", parts);
    }

    /** A {@code java @file}: the argLine as Surefire splits it, system properties, then the classpath. */
    private static String argFile(ModuleTests module) {
        StringBuilder b = new StringBuilder();
        ModuleSettings s = module.settings();
        if (!s.argLine().isBlank()) {
            b.append(s.argLine()).append('\n'); // java reads whitespace-separated, quoted tokens as Surefire splits
        }
        for (Map.Entry<String, String> p : s.systemProperties().entrySet()) {
            b.append(argQuote("-D" + p.getKey() + "=" + p.getValue())).append('\n');
        }
        List<String> entries = new ArrayList<>();
        module.classpath().forEach(p -> entries.add(p.toString()));
        b.append("-cp\n")
                .append(argQuote(String.join(File.pathSeparator, entries)))
                .append('\n');
        return b.toString();
    }

    private String reactorScript(List<ModuleTests> modules) throws MavenException {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/sh\n");
        b.append("# Written by testr: runs the JUnit worker of each module of the reactor at ")
                .append(root)
                .append('\n');
        b.append("# in turn. Usage: reactor-worker.sh [--list | --ids FILE]\n");
        b.append("status=0\n");
        for (int i = 0; i < modules.size(); i++) {
            b.append("module")
                    .append(i)
                    .append("() { (")
                    .append(workerCommand(modules.get(i)))
                    .append(" \"$@\"); }\n");
        }
        b.append("case \"${1:-}\" in\n");
        b.append("--list)\n");
        for (int i = 0; i < modules.size(); i++) {
            b.append("  module").append(i).append(" --list || status=$?\n");
        }
        // $2 may be a named pipe (chunked runs), readable once: copy it before splitting by module
        b.append("  ;;\n--ids)\n  all=$(mktemp) && part=$(mktemp) || exit 1\n  cat \"$2\" > \"$all\"\n");
        for (int i = 0; i < modules.size(); i++) {
            b.append("  awk -v p=")
                    .append(quote(modules.get(i).idPrefix()))
                    .append(" 'index($0, p) == 1' \"$all\" > \"$part\"\n");
            b.append("  if [ -s \"$part\" ]; then module").append(i).append(" --ids \"$part\" || status=$?; fi\n");
        }
        b.append("  rm -f \"$all\" \"$part\"\n  ;;\n\"\")\n");
        for (int i = 0; i < modules.size(); i++) {
            b.append("  module").append(i).append(" || status=$?\n");
        }
        b.append(
                "  ;;\n*)\n  echo \"reactor-worker.sh: unknown mode $1: expected --list, --ids FILE or nothing\" >&2\n");
        b.append("  exit 2\n  ;;\nesac\nexit $status\n");
        return b.toString();
    }

    /** A word for {@code sh}: single-quoted, any single quote closed, escaped and reopened. */
    static String quote(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }

    /** An argument for a {@code java @file}: double-quoted, backslashes and quotes escaped. */
    static String argQuote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value for configparser: a percent sign doubled, so it is not read as interpolation. */
    private static String ini(String value) {
        return value.replace("%", "%%");
    }
}
