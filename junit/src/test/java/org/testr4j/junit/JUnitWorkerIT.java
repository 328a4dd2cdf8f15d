package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.PythonOracle;
import org.testr4j.subunit.TestStatus;

/**
 * The packaged {@code testr4j-junit.jar} in real JVMs: on this module's JUnit 6 test classpath and on
 * a JUnit 5 (platform 1.14) one, with the fixture classes.
 */
class JUnitWorkerIT {
    private static final String P = "org.testr4j.junit.fixtures.";
    private static final Path WORKER_JAR = Path.of(System.getProperty("testr4j.workerJar", "target/testr4j-junit.jar"));
    private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

    /** The test classpath without our own classes (they come from the jar) and without jqwik's engine. */
    private static List<String> platform6() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        entries.add(WORKER_JAR.toAbsolutePath().toString());
        for (String entry : classpath.split(File.pathSeparator)) {
            String name = entry.replace('\\', '/');
            boolean ours =
                    name.endsWith("/target/classes") || name.contains("subunit") || name.contains("testr4j-junit");
            if (!ours && !name.contains("jqwik") && !name.contains("surefire") && !name.contains("failsafe")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The same with JUnit 5.14 / platform 1.14 in place of every org.junit jar. */
    private static List<String> platform1() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : platform6()) {
            if (!entry.contains("/org/junit/") || entry.contains("testng-engine")) {
                entries.add(entry);
            }
        }
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("testr4j.platform1Dir")))) {
            jars.sorted().forEach(jar -> entries.add(jar.toAbsolutePath().toString()));
        }
        return entries;
    }

    private static WorkerRun worker(List<String> classpath, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfixtures.exit=" + Boolean.getBoolean("fixtures.exit"),
                "-cp",
                String.join(File.pathSeparator, classpath),
                "org.testr4j.junit.JUnitWorker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Path errFile = Files.createTempFile("worker", ".stderr");
        builder.redirectError(errFile.toFile()); // a file, so a chatty stderr can never block the worker
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out;
        try (var stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        int code = process.waitFor();
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        Files.delete(errFile);
        return WorkerRun.read(code, out, err);
    }

    private static String[] fixtures(String... more) {
        List<String> args = new ArrayList<>(
                List.of("--scan", TEST_CLASSES.toString(), "--include", "org/testr4j/junit/fixtures/*Example.java"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void idsAndOutcomesAreTheSameOnJUnit6AndJUnit5() throws Exception {
        WorkerRun six = worker(platform6(), null, fixtures());
        WorkerRun five = worker(platform1(), null, fixtures());
        WorkerRun listSix = worker(platform6(), null, fixtures("--list"));
        WorkerRun listFive = worker(platform1(), null, fixtures("--list"));

        assertThat(six.exitCode()).as(six.stderr()).isZero();
        assertThat(five.exitCode()).as(five.stderr()).isZero();
        assertThat(six.outcomes())
                .containsEntry(P + "ParameterizedExample.adds(int, int, int)[2]", TestStatus.FAIL)
                .containsEntry(P + "JUnit4Example.passes", TestStatus.SUCCESS)
                .containsEntry(P + "TestNgExample.adds(int, int)[1]", TestStatus.SUCCESS)
                .containsEntry(P + "StaticInitExample.first", TestStatus.FAIL)
                .hasSizeGreaterThan(35);
        assertThat(five.outcomes()).isEqualTo(six.outcomes());
        assertThat(listFive.listed()).isEqualTo(listSix.listed()).hasSizeGreaterThan(30);
        assertThat(six.summary().corrupt() + six.summary().interleavedBytes()).isZero();
        assertThat(five.summary().corrupt() + five.summary().interleavedBytes()).isZero();
    }

    @Test
    void feedingTheJarRunsEachBatchOnBothPlatforms(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed");
        Files.writeString(
                feed,
                P + "PlainExample.passes\n" + P + "DynamicExample.factory[3][1]\n\n" + P + "NestedExample$Inner.works\n"
                        + P + "GoneExample.x\n");

        for (List<String> classpath : List.of(platform6(), platform1())) {
            WorkerRun run = worker(classpath, feed, "--feed");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.outcomes())
                    .isEqualTo(Map.of(
                            P + "PlainExample.passes", TestStatus.SUCCESS,
                            P + "DynamicExample.factory[3][1]", TestStatus.SUCCESS,
                            P + "NestedExample$Inner.works", TestStatus.SUCCESS,
                            P + "GoneExample.x", TestStatus.FAIL));
        }
    }

    @Test
    void aCancelStopsTheBatchAfterTheTestInProgressOnPlatform6AndIsAnsweredOnEvery(@TempDir Path dir) throws Exception {
        String slow = "org.testr4j.junit.cancelling.SlowExample.";
        for (boolean six : new boolean[] {true, false}) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dfixtures.sleepMillis=1500",
                    "-cp",
                    String.join(File.pathSeparator, six ? platform6() : platform1()),
                    "org.testr4j.junit.JUnitWorker",
                    "--feed"));
            Process process = new ProcessBuilder(command)
                    .redirectError(dir.resolve("stderr-" + six).toFile())
                    .start();
            List<org.testr4j.subunit.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (var in = org.testr4j.subunit.v2.PacketReader.lenient(process.getInputStream())) {
                    in.readAll(events::add);
                } catch (IOException e) {
                    // the test below says what is missing
                }
            });
            reader.start();
            var stdin = process.getOutputStream();
            stdin.write((slow + "a\n" + slow + "b\n" + slow + "c\n\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            awaitEvent(events, e -> (slow + "a").equals(e.testId()) && e.status() == TestStatus.IN_PROGRESS);
            stdin.write("!cancel\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            awaitEvent(events, e -> JUnitWorker.UNSTARTED.equals(e.fileName()));
            stdin.close();
            assertThat(process.waitFor()).isZero();
            reader.join();

            List<String> ended = events.stream()
                    .filter(e -> e.testId() != null && e.status().isFinal())
                    .map(org.testr4j.subunit.Event::testId)
                    .collect(Collectors.toList());
            String unstarted = events.stream()
                    .filter(e -> JUnitWorker.UNSTARTED.equals(e.fileName()))
                    .map(e -> e.fileBytes().utf8())
                    .collect(Collectors.joining());
            boolean announced = events.stream().anyMatch(e -> JUnitWorker.FEED_FEATURES.equals(e.fileName()));
            if (six) {
                assertThat(announced).isTrue();
                assertThat(ended)
                        .as(events.stream()
                                .map(e -> e.testId() + " " + e.status() + " " + e.fileName() + " "
                                        + (e.fileBytes() == null
                                                ? ""
                                                : e.fileBytes().utf8()))
                                .collect(Collectors.joining("\n")))
                        .containsExactly(slow + "a");
                assertThat(unstarted).isEqualTo(slow + "b\n" + slow + "c\n");
                int answered = indexOf(events, e -> JUnitWorker.UNSTARTED.equals(e.fileName()));
                int aEnded = indexOf(
                        events,
                        e -> (slow + "a").equals(e.testId()) && e.status().isFinal());
                assertThat(answered)
                        .as("a cancel that finds one test running is answered at once, not after that test")
                        .isLessThan(aEnded);
            } else { // platform 1 cannot cancel: it says nothing of it, runs the batch, answers the cancel empty
                assertThat(announced).isFalse();
                assertThat(ended).containsExactly(slow + "a", slow + "b", slow + "c");
                assertThat(unstarted).isEmpty();
            }
        }
    }

    private static int indexOf(
            List<org.testr4j.subunit.Event> events, java.util.function.Predicate<org.testr4j.subunit.Event> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void awaitEvent(
            List<org.testr4j.subunit.Event> events, java.util.function.Predicate<org.testr4j.subunit.Event> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (events.stream().noneMatch(wanted)) {
            assertThat(System.nanoTime()).as("waited 60 s for an event").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aTestCallingSystemExitLeavesAReadableStream(@TempDir Path dir) throws Exception {
        Path ids = dir.resolve("ids");
        Files.writeString(ids, P + "PlainExample.passes\n" + P + "ExitSample.exits\n");
        System.setProperty("fixtures.exit", "true");
        WorkerRun run;
        try {
            run = worker(platform6(), null, "--ids", ids.toString());
        } finally {
            System.clearProperty("fixtures.exit");
        }

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.summary().corrupt()).isZero();
        assertThat(run.outcomes()).containsEntry(P + "PlainExample.passes", TestStatus.SUCCESS);
        assertThat(run.results()).anySatisfy(r -> {
            assertThat(r.testId()).isEqualTo(P + "ExitSample.exits");
            assertThat(r.status()).isEqualTo(TestStatus.IN_PROGRESS); // the runner reports it missing
            assertThat(r.attachment("stdout").orElseThrow().content().utf8()).isEqualTo("exiting now\n");
        });
    }

    @Test
    void theJarHoldsTheWorkerAndSubunitButNoJUnit() throws IOException {
        try (var jar = new java.util.jar.JarFile(WORKER_JAR.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toList());

            assertThat(names)
                    .contains(
                            "org/testr4j/junit/JUnitWorker.class",
                            "org/testr4j/subunit/v2/PacketWriter.class",
                            "META-INF/services/org.junit.platform.launcher.TestExecutionListener");
            assertThat(names).noneMatch(n -> n.startsWith("org/junit/") || n.startsWith("org/opentest4j/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.testr4j.junit.JUnitWorker");
        }
    }

    @Test
    void theSourcesCompileAgainstTheOldestPlatformApi(@TempDir Path dir) throws IOException {
        List<String> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("testr4j.platformOldestDir")))) {
            jars.forEach(jar -> classpath.add(jar.toString()));
        }
        classpath.add(WORKER_JAR.toString()); // for subunit's classes
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "17",
                "-Xlint:all",
                "-Werror",
                "-d",
                dir.toString(),
                "-cp",
                String.join(File.pathSeparator, classpath)));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();

        int status = javac.run(null, null, errors, args.toArray(String[]::new));

        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void pythonSubunitReadsTheWorkersStream(@TempDir Path dir) throws Exception {
        Path ls = PythonOracle.command("subunit-ls");
        WorkerRun run =
                worker(platform6(), null, "--scan", TEST_CLASSES.toString(), "--include", "**/PrintingExample.java");
        Path stream = dir.resolve("stream.subunit");
        Files.write(stream, run.stdout());
        Path out = dir.resolve("ls.txt");

        PythonOracle.Run oracle = PythonOracle.run(dir, stream, out, ls.toString(), "--no-passthrough");

        assertThat(oracle.exitCode()).as(oracle.stderr()).isZero(); // every test passed, as python reads it
        assertThat(Files.readAllLines(out))
                .containsExactlyInAnyOrder(
                        P + "PrintingExample.printsBoth",
                        P + "PrintingExample.printsWithoutNewline",
                        P + "PrintingExample.printsPacketLikeBytes");
    }
}
