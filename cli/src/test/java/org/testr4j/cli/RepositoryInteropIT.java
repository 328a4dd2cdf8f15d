package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories written by the real stestr, imported by testr4j: {@code last}, {@code failing} and
 * {@code slowest} must agree with stestr's own; and a run exported by testr4j must give stestr the
 * same counts.
 */
class RepositoryInteropIT {
    private static final Path BENCH = benchDir();

    @TempDir
    Path temp;

    private byte[] outBytes;
    private String out;

    @BeforeAll
    static void oraclesPresent() {
        String missing = null;
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            missing = "/usr/bin/python3";
        } else if (!onPath("stestr")) {
            missing = "stestr";
        } else if (!onPath("subunit-1to2")) {
            missing = "subunit-1to2";
        } else if (!Files.isRegularFile(BENCH.resolve("gen_stream.py"))) {
            missing = BENCH.resolve("gen_stream.py").toString();
        }
        if (missing != null) {
            String message = missing + " is missing: apt-get install python3-stestr python3-subunit, and keep"
                    + " ../shared/bench beside the project";
            if (Boolean.getBoolean("testr4j.requireOracles")) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    private static Path benchDir() {
        String root = System.getProperty("testr4j.projectRoot", ".");
        Path beside = Path.of(root).toAbsolutePath().resolve("../shared/bench").normalize();
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/bench");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in {@code dir} and returns its stdout; stdin from {@code input} if given. */
    private static String run(Path dir, byte[] input, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        }
        byte[] stdout = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private int testr(Path project, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StreamsHolder holder = new StreamsHolder();
        StandardStreams streams =
                new StandardStreams(new ByteArrayInputStream(new byte[0]), stdout, new PrintWriter(holder.err, true));
        List<String> all = new ArrayList<>(List.of("-C", project.toString()));
        all.addAll(List.of(args));
        int exit = Commands.testr(streams, all.toArray(new String[0])).execute(all.toArray(new String[0]));
        outBytes = stdout.toByteArray();
        out = stdout.toString(StandardCharsets.UTF_8);
        return exit;
    }

    private static final class StreamsHolder {
        final StringWriter err = new StringWriter();
    }

    /** A stestr repository: a real stestr run of a generated suite, then a generated stream with failures loaded. */
    private Path stestrProject() throws Exception {
        Path project = temp.resolve("py");
        run(
                temp,
                null,
                "/usr/bin/python3",
                BENCH.resolve("gen_pysuite.py").toString(),
                "trivial",
                "40",
                "4",
                project.toString());
        run(project, null, "stestr", "run");
        byte[] failing = Files.readAllBytes(generate("30", "7"));
        run(project, failing, "stestr", "load");
        return project;
    }

    private Path generate(String tests, String seed) throws Exception {
        Path file = temp.resolve("gen-" + seed + ".subunit");
        run(
                temp,
                null,
                "/usr/bin/python3",
                BENCH.resolve("gen_stream.py").toString(),
                tests,
                file.toString(),
                "--seed",
                seed,
                "--fail-pct",
                "20",
                "--no-route");
        return file;
    }

    @Test
    void importedStestrRepositoryAgreesWithStestrOnLastFailingAndSlowest() throws Exception {
        Path project = stestrProject();
        Path ours = temp.resolve("ours");

        assertThat(testr(ours, "import", project.toString())).isZero();

        String theirLast = run(project, null, "stestr", "last");
        assertThat(testr(ours, "last")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(count(out, "Ran (\\d+)")).isEqualTo(count(theirLast, "Ran: (\\d+) tests"));
        assertThat(count(out, "failures=(\\d+)")).isEqualTo(count(theirLast, " - Failed: (\\d+)"));

        Set<String> theirFailing = lines(run(project, null, "stestr", "failing", "--list"));
        assertThat(testr(ours, "failing", "--list")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(lines(out)).isNotEmpty().isEqualTo(theirFailing);

        Set<String> theirSlowest = slowestRows(run(project, null, "stestr", "slowest", "--all"));
        assertThat(testr(ours, "slowest", "--all")).isZero();
        assertThat(slowestRows(out)).hasSize(30).isEqualTo(theirSlowest);

        assertThat(testr(ours, "history", "list")).isZero();
        assertThat(out.lines().skip(1).map(l -> l.trim().split("\\s+")[0]).toList())
                .containsExactly("0", "1");
    }

    @Test
    void aRunExportedByTestr4jGivesStestrTheSameCounts() throws Exception {
        Path ours = temp.resolve("ours");
        testr(ours, "init");
        Path stream = generate("50", "11");
        assertThat(testr(ours, "load", stream.toString())).isEqualTo(ExitCode.TESTS_FAILED);
        String ourSummary = out;

        assertThat(testr(ours, "export", "-1")).isEqualTo(ExitCode.TESTS_FAILED);
        Path theirs = Files.createDirectories(temp.resolve("theirs"));
        run(theirs, null, "stestr", "init");
        run(theirs, outBytes, "stestr", "load");
        String theirLast = run(theirs, null, "stestr", "last");

        assertThat(count(ourSummary, "Ran (\\d+)"))
                .isEqualTo(count(theirLast, "Ran: (\\d+) tests"))
                .isEqualTo(50);
        assertThat(count(ourSummary, "failures=(\\d+)")).isEqualTo(count(theirLast, " - Failed: (\\d+)"));
    }

    @Test
    void importedTestrepositoryAgreesWithTestrepositoryOnLastAndFailing() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/testr")), "testrepository is not installed");
        Path project = temp.resolve("tr");
        run(
                temp,
                null,
                "/usr/bin/python3",
                BENCH.resolve("gen_pysuite.py").toString(),
                "trivial",
                "25",
                "3",
                project.toString());
        run(project, null, "/usr/bin/testr", "init");
        run(project, null, "/usr/bin/testr", "run");
        run(project, Files.readAllBytes(generate("30", "5")), "/usr/bin/testr", "load");
        Path ours = temp.resolve("ours");

        assertThat(testr(ours, "import", project.resolve(".testrepository").toString()))
                .isZero();

        String theirLast = run(project, null, "/usr/bin/testr", "last");
        assertThat(testr(ours, "last")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(out.lines()
                        .toList()
                        .subList(
                                out.lines().toList().size() - 2,
                                out.lines().toList().size()))
                .isEqualTo(theirLast
                        .lines()
                        .toList()
                        .subList(
                                theirLast.lines().toList().size() - 2,
                                theirLast.lines().toList().size()));
        Set<String> theirFailing = lines(run(project, null, "/usr/bin/testr", "failing", "--list"));
        assertThat(testr(ours, "failing", "--list")).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(lines(out)).isNotEmpty().isEqualTo(theirFailing);
    }

    @Test
    void loadReadsAV1StreamAsTheSameRun() throws Exception {
        Path ours = temp.resolve("ours");
        testr(ours, "init");
        Path v2 = generate("40", "9");
        byte[] v1 = run(temp, Files.readAllBytes(v2), "subunit-2to1").getBytes(StandardCharsets.UTF_8);
        Path v1File = Files.write(temp.resolve("run.v1"), v1);

        assertThat(testr(ours, "load", v2.toString())).isEqualTo(ExitCode.TESTS_FAILED);
        String fromV2 = out.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(testr(ours, "load", v1File.toString())).isEqualTo(ExitCode.TESTS_FAILED);
        String fromV1 = out.lines().reduce((a, b) -> b).orElseThrow();

        assertThat(fromV1.replace("id=1", "id=0")).isEqualTo(fromV2);
        assertThat(testr(ours, "failing", "--list")).isEqualTo(ExitCode.TESTS_FAILED);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new TreeSet<>();
        text.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    /** "id runtime" for each row of a slowest table (stestr's or ours), ignoring the header and share. */
    private static Set<String> slowestRows(String table) {
        Set<String> rows = new TreeSet<>();
        for (String line : table.lines().skip(2).toList()) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 2) {
                rows.add(cells[0] + " " + cells[1]);
            }
        }
        return rows;
    }
}
