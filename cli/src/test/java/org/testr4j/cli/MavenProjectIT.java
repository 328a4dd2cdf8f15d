package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;
import org.testr4j.subunit.v2.PacketReader;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bin/testr run} in a Maven reactor with no configuration ({@code maven-sample}: JUnit 5
 * with parameterized, nested, dynamic, disabled and failing tests, a static initialiser that
 * throws and tests that print; JUnit 4 through the vintage engine; JUnit 4 alone; TestNG alone; a
 * module without tests), against {@code mvn test} on a copy of the same project: the same tests, the same outcomes.
 */
class MavenProjectIT {
    private static final Path ROOT = Path.of(System.getProperty("testr4j.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String TESTR = ROOT + "/bin/testr";
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TempDir
    static Path tmp;

    private static Path project;
    private static LauncherIT.Result firstRun;
    private static Map<String, TestStatus> surefire;
    private static Map<String, TestResult> first;

    @BeforeAll
    static void runBoth() throws Exception {
        project = copySample(tmp.resolve("testr"));
        Path surefireCopy = copySample(tmp.resolve("surefire"));
        LauncherIT.Result mvn = LauncherIT.sh(surefireCopy, "mvn -q -B test -Dmaven.test.failure.ignore=true", LIMIT);
        assertThat(mvn.exitCode()).as(mvn.stdout() + mvn.stderr()).isZero();
        surefire = surefireOutcomes(surefireCopy);
        firstRun = LauncherIT.sh(project, TESTR + " run --parallel", LIMIT);
        first = results(project, -1);
    }

    @Test
    void aFirstRunAfterMvnTestSchedulesByTheTimesInSurefiresReports() throws Exception {
        // the copy Surefire ran in has its reports; the one testr ran in first had none
        LauncherIT.Result run = LauncherIT.sh(tmp.resolve("surefire"), TESTR + " run --parallel", LIMIT);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(run.stderr()).contains("no history yet: scheduling by the times in Surefire's reports (");
        assertThat(firstRun.stderr()).doesNotContain("Surefire's reports");
    }

    @Test
    void runsTheSameTestsWithTheSameOutcomesAsSurefire() throws Exception {
        assertThat(firstRun.exitCode()).as(firstRun.stderr()).isEqualTo(ExitCode.TESTS_FAILED);
        assertThat(surefire).containsEntry("com.example.CalculatorTest.adds", TestStatus.SUCCESS);

        assertThat(comparable(first)).isEqualTo(surefire);
    }

    @Test
    void idsAreReadableExactAndPrefixedByModule() throws Exception {
        Map<String, TestResult> byId = first;

        assertThat(byId)
                .containsKeys(
                        "core:com.example.CalculatorTest.adds",
                        "core:com.example.CalculatorTest.addsPairs(int, int, int)",
                        "core:com.example.CalculatorTest.addsPairs(int, int, int)[3]",
                        "core:com.example.CalculatorTest$Negative.addsNegatives",
                        "legacy:com.example.legacy.LegacyTest.addsThroughCore",
                        "plain4:com.example.plain.PlainJUnit4Test.failsPlainly",
                        "ng:com.example.ng.NgTest.passesUnderTestNg");
        assertThat(byId.get("core:com.example.CalculatorTest.addsPairs(int, int, int)[3]")
                        .runnable())
                .isFalse();
        assertThat(byId.keySet()).noneMatch(id -> id.contains("ExcludedSlowTest")); // Surefire's <excludes>
        assertThat(byId.get("core:com.example.CalculatorTest.seesArgLine").status()) // Surefire's <argLine>
                .isEqualTo(TestStatus.SUCCESS);
    }

    @Test
    void whatTestsPrintIsTheirsAndNeverCorruptsTheStream() throws Exception {
        Map<String, TestResult> byId = first;

        assertThat(text(byId.get("core:com.example.CalculatorTest.adds"), "stdout"))
                .isEqualTo("adding 1 and 2\n");
        assertThat(text(byId.get("core:com.example.CalculatorTest.subtractsWrongly"), "stderr"))
                .isEqualTo("about to fail\n");
        TestResult tricky = byId.get("core:com.example.PrintingTest.printsBytesThatLookLikeSubunit");
        assertThat(tricky.status()).isEqualTo(TestStatus.SUCCESS);
        assertThat(text(tricky, "stdout")).contains("not a packet");
        assertThat(text(byId.get("core:com.example.PrintingTest.printsALot"), "stdout"))
                .contains("line 1999 of a chatty test");
        assertThat(text(byId.get("core:com.example.CalculatorTest.subtractsWrongly"), "traceback"))
                .contains("one and one ==> expected: <0> but was: <2>");
        assertThat(text(byId.get("core:com.example.BrokenInitTest.neverRuns"), "traceback"))
                .contains("NumberFormatException");
    }

    @Test
    void failingRerunsOnlyTheFailuresWithoutBuildingAgain() throws Exception {
        LauncherIT.Result rerun = LauncherIT.sh(project, TESTR + " run --failing --no-build");

        assertThat(rerun.stderr()).doesNotContain("building");
        List<String> failed = new ArrayList<>();
        surefire.forEach((id, status) -> {
            if (status == TestStatus.FAIL) {
                failed.add(id);
            }
        });
        Map<String, TestStatus> again = comparable(results(project, -1));
        assertThat(again.entrySet().stream()
                        .filter(e -> e.getValue() == TestStatus.FAIL)
                        .map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(failed);
        // The rest are the other invocations of a failed parameterized test: its parent is what reruns.
        assertThat(again.keySet())
                .allMatch(id -> failed.contains(id)
                        || failed.stream()
                                .anyMatch(f -> f.contains("[") && id.startsWith(f.substring(0, f.indexOf('[') + 1))));
    }

    @Test
    void aModuleRunsAloneWithoutPrefixItsSiblingsBuiltFromTheReactor() throws Exception {
        // legacy depends on core, which is not installed: Maven alone in legacy/ could not resolve it
        LauncherIT.Result list = LauncherIT.sh(project.resolve("legacy"), TESTR + " list", LIMIT);

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout())
                .isEqualTo("com.example.legacy.LegacyTest.addsThroughCore\ncom.example.legacy.LegacyTest.ignored\n");
    }

    @Test
    void aBuildFailureShowsMavensErrorLines() throws Exception {
        Path broken = copySample(tmp.resolve("broken"));
        Files.writeString(broken.resolve("core/src/test/java/com/example/Broken.java"), "class Broken { int x = ; }\n");

        LauncherIT.Result run = LauncherIT.sh(broken, TESTR + " run", LIMIT);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr())
                .containsPattern("mvn -q -B test-compile( \\.\\.\\.)? failed \\(exit status 1\\) in " + broken)
                .contains("[ERROR]")
                .contains("Broken.java:[1,24] illegal start of expression")
                .doesNotContain("-rf :core", "re-run Maven", "\u001b[")
                .doesNotContain("\tat org.testr4j");
    }

    private static Path copySample(Path target) throws IOException {
        Path sample = ROOT.resolve("cli/src/test/resources/maven-sample");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(sample.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Surefire's reports as {@code class.name} to outcome, its {@code name()[n]} written as our {@code name[n]}. */
    private static Map<String, TestStatus> surefireOutcomes(Path dir) throws Exception {
        Map<String, TestStatus> out = new TreeMap<>();
        List<Path> reports;
        try (Stream<Path> files = Files.walk(dir)) {
            reports = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .toList();
        }
        for (Path report : reports) {
            NodeList cases = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(report.toFile())
                    .getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                TestStatus status = TestStatus.SUCCESS;
                if (c.getElementsByTagName("failure").getLength()
                                + c.getElementsByTagName("error").getLength()
                        > 0) {
                    status = TestStatus.FAIL;
                } else if (c.getElementsByTagName("skipped").getLength() > 0) {
                    status = TestStatus.SKIP;
                }
                out.put(
                        c.getAttribute("classname") + "."
                                + c.getAttribute("name").replace("()[", "["),
                        status);
            }
        }
        return out;
    }

    /** Our results as Surefire reports them: no module prefix, no containers, no parents of invocations. */
    private static Map<String, TestStatus> comparable(Map<String, TestResult> results) {
        Map<String, TestStatus> out = new TreeMap<>();
        List<String> ids =
                results.keySet().stream().map(MavenProjectIT::unprefixed).toList();
        for (TestResult r : results.values()) {
            String id = unprefixed(r.testId());
            boolean parent = ids.stream().anyMatch(other -> other.startsWith(id + "["));
            boolean container = surefire.keySet().stream().anyMatch(s -> s.startsWith(id + "."));
            if (!parent && !container) {
                out.put(id, r.status());
            }
        }
        return out;
    }

    private static String unprefixed(String id) {
        return id.replaceFirst("^[a-z0-9]+:", "");
    }

    /** Every test of a stored run (-1: the latest), assembled from its stream. */
    private static Map<String, TestResult> results(Path dir, int run) throws IOException {
        Map<String, TestResult> out = new TreeMap<>();
        try (FileRepository repo = FileRepository.open(dir, n -> {})) {
            List<StoredRun> runs = repo.runs();
            int id = runs.get(runs.size() + run).id();
            try (InputStream in = repo.openStream(id);
                    PacketReader reader = PacketReader.lenient(in)) {
                TestAssembler assembler = new TestAssembler(r -> out.put(r.testId(), r));
                assembler.startRun();
                reader.readAll(assembler);
                assembler.stopRun();
            }
        }
        return out;
    }

    private static String text(TestResult r, String attachment) {
        assertThat(r).as("a test result").isNotNull();
        return r.attachment(attachment)
                .map(a -> new String(a.content().toByteArray(), StandardCharsets.UTF_8))
                .orElse("");
    }
}
