package org.testr4j.runner.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a Maven project runnable by testr with no configuration: compiles its tests, asks Maven for
 * each module's test classpath and Surefire settings (cached in {@code target/testr4j/} until a pom
 * changes), supplies a JUnit Platform launcher when the project has none, and writes the
 * {@code .testr.conf} that starts the JUnit worker ({@link WorkerConfWriter}).
 *
 * <pre>{@code
 * Path conf = MavenTestSetup.prepare(projectDir, new MavenTestSetup.Options(true, workerJar, javaCommand), err::println);
 * TestrConf.read(conf);
 * }</pre>
 */
public final class MavenTestSetup {
    /** The plugins testr asks Maven to run, pinned so every machine gets the same behaviour. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    static final String HELP_PLUGIN = "org.apache.maven.plugins:maven-help-plugin:3.5.1";

    /** The JUnit 4 bridge supplied for modules that have JUnit 4 and no JUnit Platform engine. */
    static final String SUPPLIED_VINTAGE = "org.junit.vintage:junit-vintage-engine:5.14.4";

    static final String SUPPLIED_LAUNCHER_FOR_VINTAGE = "1.14.4";

    /** The TestNG bridge supplied for modules that have TestNG and no JUnit Platform engine. */
    static final String SUPPLIED_TESTNG_ENGINE = "org.junit.support:testng-engine:1.1.0";

    private static final Pattern ENGINE_JAR = Pattern.compile("junit-platform-engine-(.+)\\.jar");
    private static final Pattern LAUNCHER_JAR = Pattern.compile("junit-platform-launcher-.+\\.jar");
    private static final Pattern JUNIT4_JAR = Pattern.compile("junit-4\\.[0-9.]+\\.jar");
    private static final Pattern TESTNG_JAR = Pattern.compile("testng-[0-9][0-9.]*\\.jar");

    /**
     * @param build compile the tests first ({@code mvn test-compile}); false for {@code --no-build}
     * @param workerJar testr4j's JUnit worker jar, put on every module's test classpath
     * @param java the {@code java} executable that runs the workers
     */
    public record Options(boolean build, Path workerJar, Path java) {}

    private MavenTestSetup() {}

    /** True when {@code directory} is a Maven project without a {@code .testr.conf} of its own. */
    public static boolean applies(Path directory) {
        return Files.isRegularFile(directory.resolve("pom.xml")) && !Files.exists(directory.resolve(".testr.conf"));
    }

    /** Builds as needed and writes the worker configuration; returns the {@code .testr.conf} written. */
    public static Path prepare(Path root, Options options, Consumer<String> notes)
            throws MavenException, InterruptedException {
        root = root.toAbsolutePath().normalize();
        // A module of a larger reactor builds from the reactor's root (-pl MODULE -am), so its
        // sibling modules resolve without being installed, as `cd module && mvn test` would not.
        Path reactor = ReactorLayout.enclosingReactor(root);
        List<String> scope = reactor.equals(root)
                ? List.of()
                : List.of("-pl", reactor.relativize(root).toString(), "-am");
        ReactorLayout layout = ReactorLayout.read(reactor);
        Path state = root.resolve("target").resolve("testr4j");
        Path stamp = state.resolve("poms.sha256");
        Path effectivePom = state.resolve("effective-pom.xml");
        String fingerprint = layout.fingerprint();
        boolean cached = fingerprint.equals(readQuietly(stamp)) && Files.isRegularFile(effectivePom);
        List<String> goals = new ArrayList<>(scope);
        if (options.build() || !cached) {
            goals.add("test-compile");
        }
        if (!cached) {
            goals.add(DEPENDENCY_PLUGIN + ":build-classpath");
            goals.add("-Dmdep.outputFile=target/testr4j/classpath.txt");
            goals.add("-Dmdep.includeScope=test");
            goals.add(HELP_PLUGIN + ":effective-pom");
            goals.add("-Doutput=" + effectivePom);
        }
        if (goals.size() > scope.size()) {
            MavenInvoker maven = new MavenInvoker(reactor);
            notes.accept("building: "
                    + Path.of(maven.executable().get(maven.executable().size() - 1))
                            .getFileName()
                    + " -q -B test-compile" + (cached ? "" : " (and reading the project's classpaths)")
                    + (options.build() ? "; skip with --no-build" : ""));
            maven.run(goals);
            write(stamp, fingerprint);
        }
        List<ModuleSettings> all = EffectivePom.read(effectivePom);
        if (!reactor.equals(root)) {
            Path project = root;
            all = all.stream().filter(m -> m.baseDir().equals(project)).toList(); // not the -am upstream
        }
        long buildable = all.stream().filter(m -> !m.packaging().equals("pom")).count();
        List<ModuleTests> modules = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ModuleSettings m : all) {
            if (m.packaging().equals("pom")) {
                continue;
            }
            if (m.skipped()) {
                without.add(m.artifactId() + " (Surefire skips its tests)");
                continue;
            }
            if (!hasClasses(m.testClasses())) {
                without.add(m.artifactId() + " (no test classes in " + root.relativize(m.testClasses()) + ")");
                continue;
            }
            Optional<List<Path>> classpath = classpath(root, m, options, state);
            if (classpath.isEmpty()) {
                without.add(m.artifactId() + " (no JUnit Platform engine, JUnit 4 or TestNG on its test classpath)");
                continue;
            }
            modules.add(new ModuleTests(m, classpath.get(), buildable > 1 ? m.artifactId() + ":" : ""));
        }
        if (modules.isEmpty()) {
            throw new MavenException("the Maven project in " + root + " has no tests to run: "
                    + (without.isEmpty() ? "it has no modules with code" : String.join(", ", without)));
        }
        return new WorkerConfWriter(root, state, options.java()).write(modules);
    }

    private static Optional<List<Path>> classpath(Path root, ModuleSettings m, Options options, Path state)
            throws MavenException, InterruptedException {
        Path file = m.buildDir().resolve("testr4j").resolve("classpath.txt");
        String text = readQuietly(file);
        if (text == null) {
            throw new MavenException("Maven wrote no test classpath for module " + m.artifactId() + " (expected " + file
                    + "): run again, or delete " + state + " to refresh the cache");
        }
        List<Path> deps = new ArrayList<>();
        for (String entry : text.strip().split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                deps.add(Path.of(entry));
            }
        }
        List<Path> classpath = new ArrayList<>(List.of(m.testClasses(), m.classes()));
        classpath.addAll(deps);
        Optional<String> engine = versionOf(deps, ENGINE_JAR);
        boolean hasLauncher =
                deps.stream().anyMatch(p -> LAUNCHER_JAR.matcher(name(p)).matches());
        if (engine.isPresent() && !hasLauncher) {
            classpath.addAll(
                    supplied(root, state, List.of("org.junit.platform:junit-platform-launcher:" + engine.get())));
        } else if (engine.isEmpty()) {
            // The launcher first: at equal depth Maven keeps the first junit-platform-engine it meets.
            List<String> bridges = new ArrayList<>(
                    List.of("org.junit.platform:junit-platform-launcher:" + SUPPLIED_LAUNCHER_FOR_VINTAGE));
            if (deps.stream().anyMatch(p -> JUNIT4_JAR.matcher(name(p)).matches())) {
                bridges.add(SUPPLIED_VINTAGE);
            }
            if (deps.stream().anyMatch(p -> TESTNG_JAR.matcher(name(p)).matches())) {
                bridges.add(SUPPLIED_TESTNG_ENGINE);
            }
            if (bridges.size() == 1) {
                return Optional.empty();
            }
            classpath.addAll(supplied(root, state, bridges));
        }
        classpath.add(options.workerJar());
        return Optional.of(classpath);
    }

    /** Resolves {@code coordinates} (with their dependencies) through Maven once, then from the cache. */
    private static List<Path> supplied(Path root, Path state, List<String> coordinates)
            throws MavenException, InterruptedException {
        String key = Integer.toHexString(String.join(",", coordinates).hashCode());
        Path dir = state.resolve("supplied-" + key);
        Path out = dir.resolve("classpath.txt");
        String text = readQuietly(out);
        if (text == null) {
            StringBuilder deps = new StringBuilder();
            for (String c : coordinates) {
                String[] gav = c.split(":");
                deps.append("    <dependency><groupId>")
                        .append(gav[0])
                        .append("</groupId><artifactId>")
                        .append(gav[1])
                        .append("</artifactId><version>")
                        .append(gav[2])
                        .append("</version></dependency>\n");
            }
            write(
                    dir.resolve("pom.xml"),
                    "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                            + "  <!-- written by testr: what the project's tests lack to run on the JUnit Platform -->\n"
                            + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.testr4j.supplied</groupId>\n"
                            + "  <artifactId>supplied</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n"
                            + "  <dependencies>\n" + deps + "  </dependencies>\n</project>\n");
            new MavenInvoker(root)
                    .run(List.of(
                            "-f",
                            dir.resolve("pom.xml").toString(),
                            DEPENDENCY_PLUGIN + ":build-classpath",
                            "-Dmdep.outputFile=" + out));
            text = readQuietly(out);
            if (text == null) {
                throw new MavenException("Maven did not resolve " + coordinates + " into " + out);
            }
        }
        List<Path> paths = new ArrayList<>();
        for (String entry : text.strip().split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    private static Optional<String> versionOf(List<Path> jars, Pattern pattern) {
        for (Path p : jars) {
            Matcher m = pattern.matcher(name(p));
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static String name(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString();
    }

    private static boolean hasClasses(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // absent or unreadable: the cache is stale
        }
    }

    static void write(Path file, String text) throws MavenException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MavenException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
