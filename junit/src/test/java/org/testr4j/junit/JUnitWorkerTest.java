package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;

class JUnitWorkerTest {
    private static final String P = "org.testr4j.junit.fixtures.";

    @Test
    void listsMethodsAsRunnableAndClassesAsContainersWithoutRunningAnything() {
        WorkerRun run = WorkerRun.fixtures("--list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.listed())
                .contains(
                        entry(P + "PlainExample", false),
                        entry(P + "PlainExample.passes", true),
                        entry(P + "ParameterizedExample.adds(int, int, int)", true),
                        entry(P + "ParameterizedExample.repeats", true),
                        entry(P + "DynamicExample.factory", true),
                        entry(P + "NestedExample$Inner", false),
                        entry(P + "NestedExample$Inner$Deeper.deep", true),
                        entry(P + "OverloadExample.check", true),
                        entry(P + "OverloadExample.check(int)", true),
                        entry(P + "OverloadExample.check(String)", true),
                        entry(P + "JUnit4Example.passes", true),
                        entry(P + "TestNgExample.adds(int, int)", true));
        assertThat(run.listed().keySet()).noneMatch(id -> id.endsWith("]")); // invocations are not known yet
        assertThat(run.events()).allMatch(e -> e.status() == TestStatus.EXISTS || e.testId() == null);
        assertThat(List.copyOf(run.listed().keySet()))
                .containsSubsequence(P + "NestedExample", P + "NestedExample.outer", P + "NestedExample$Inner");
    }

    @Test
    void theMethodsOfAClassThatFixesTheirOrderAreListedWithTheInOrderTag() {
        String o = "org.testr4j.junit.ordering.";
        WorkerRun run = WorkerRun.of(
                "--scan", WorkerRun.TEST_CLASSES.toString(), "--include", "org/testr4j/junit/ordering/**", "--list");

        Map<String, java.util.Set<String>> tags = run.events().stream()
                .filter(e -> e.status() == TestStatus.EXISTS && e.runnable())
                .collect(java.util.stream.Collectors.toMap(
                        org.testr4j.subunit.Event::testId, org.testr4j.subunit.Event::tags));

        assertThat(tags)
                .containsEntry(o + "OrderedExample.first", java.util.Set.of(OrderedClasses.TAG))
                .containsEntry(o + "OrderedExample.second", java.util.Set.of(OrderedClasses.TAG))
                .containsEntry(o + "OrderedExample$Inner.inside", java.util.Set.of(OrderedClasses.TAG))
                .containsEntry(o + "JUnit4OrderedExample.a", java.util.Set.of(OrderedClasses.TAG))
                .containsEntry(o + "RandomOrderExample.any", java.util.Set.of());
        assertThat(WorkerRun.fixtures("--list").events())
                .as("classes that leave the order to JUnit are not tagged (PrintingExample fixes its own)")
                .filteredOn(e -> e.testId() != null && !e.testId().startsWith(P + "PrintingExample."))
                .allMatch(e -> e.tags().isEmpty());
    }

    @Test
    void runsEveryDiscoveredTestWithItsOutcome() {
        WorkerRun run = WorkerRun.fixtures();

        assertThat(run.outcomes())
                .contains(
                        entry(P + "PlainExample.passes", SUCCESS),
                        entry(P + "PlainExample.fails", FAIL),
                        entry(P + "PlainExample.errors", FAIL),
                        entry(P + "ParameterizedExample.adds(int, int, int)", FAIL), // one invocation failed
                        entry(P + "ParameterizedExample.adds(int, int, int)[1]", SUCCESS),
                        entry(P + "ParameterizedExample.adds(int, int, int)[2]", FAIL),
                        entry(P + "ParameterizedExample.repeats[2]", SUCCESS),
                        entry(P + "DynamicExample.factory[2]", FAIL),
                        entry(P + "DynamicExample.factory[3][2]", SUCCESS),
                        entry(P + "NestedExample$Inner$Deeper.deep", SUCCESS),
                        entry(P + "OverloadExample.check(int)[1]", SUCCESS),
                        entry(P + "SkippedExample.disabled", SKIP),
                        entry(P + "SkippedExample.aborted", SKIP),
                        entry(P + "DisabledClassExample.first", SKIP),
                        entry(P + "JUnit4Example.fails", FAIL),
                        entry(P + "JUnit4Example.ignored", SKIP),
                        entry(P + "TestNgExample.fails", FAIL),
                        entry(P + "TestNgExample.adds(int, int)[1]", SUCCESS));
        assertThat(run.outcomes()).doesNotContainKey(P + "DynamicExample.factory[3]"); // a container, not a test
        assertThat(run.attachment(P + "ParameterizedExample.adds(int, int, int)", "traceback"))
                .isEqualTo("1 of its invocations failed: " + P + "ParameterizedExample.adds(int, int, int)[2]\n");
        assertThat(run.outcomes()).containsEntry(P + "DynamicExample.factory", FAIL);
        // invocations are children of their runnable parent: not runnable themselves
        assertThat(run.result(P + "ParameterizedExample.adds(int, int, int)[2]").runnable())
                .isFalse();
        assertThat(run.result(P + "DynamicExample.factory[3][2]").runnable()).isFalse();
        assertThat(run.result(P + "ParameterizedExample.adds(int, int, int)").runnable())
                .isTrue();
        assertThat(run.finalCounts().values()).containsOnly(1L);
        assertThat(run.events()).allMatch(e -> e.timestamp() != null);
    }

    @Test
    void reportsTagsOnTheTestsEvents() {
        WorkerRun run = WorkerRun.fixtures();

        assertThat(run.result(P + "PlainExample.passes").tags()).containsExactly("quick");
    }

    @Test
    void failuresCarryTheStackTraceAsTestToolsDoes() {
        WorkerRun run = WorkerRun.fixtures();

        Attachment traceback =
                run.result(P + "PlainExample.errors").attachment("traceback").orElseThrow();
        assertThat(traceback.mimeType()).isEqualTo("text/x-traceback; charset=utf8");
        assertThat(traceback.content().utf8())
                .startsWith("java.lang.IllegalStateException: broken on purpose")
                .contains("at org.testr4j.junit.fixtures.PlainExample.errors(PlainExample.java:");
        assertThat(run.attachment(P + "SkippedExample.disabled", "reason")).isEqualTo("not today");
        assertThat(run.attachment(P + "SkippedExample.aborted", "reason")).contains("no network here");
        assertThat(run.attachment(P + "DisabledClassExample.second", "reason")).isEqualTo("whole class off");
    }

    @Test
    void aFailingClassFailsItselfAndEveryTestBelowIt() {
        WorkerRun run = WorkerRun.fixture("StaticInitExample");

        assertThat(run.outcomes())
                .containsOnly(
                        entry(P + "StaticInitExample", FAIL),
                        entry(P + "StaticInitExample.first", FAIL),
                        entry(P + "StaticInitExample.second", FAIL));
        assertThat(run.attachment(P + "StaticInitExample.first", "traceback"))
                // ExceptionInInitializerError the first time in a JVM, NoClassDefFoundError with it as cause after
                .contains("StaticInitExample", "static initialiser exploded");
    }

    @Test
    void runsExactlyTheIdsInTheFileInvocationsIncluded(@TempDir Path dir) throws IOException {
        Path ids = dir.resolve("ids");
        Files.writeString(
                ids,
                String.join(
                        "\n",
                        P + "PlainExample.passes",
                        P + "ParameterizedExample.adds(int, int, int)[2]",
                        P + "DynamicExample.factory[3][2]",
                        P + "NestedExample$Inner$Deeper.deep",
                        P + "OverloadExample.check(String)",
                        P + "JUnit4Example.fails",
                        P + "TestNgExample.passes"));

        WorkerRun run = WorkerRun.of("--ids", ids.toString());

        assertThat(run.outcomes())
                .containsOnly(
                        entry(P + "PlainExample.passes", SUCCESS),
                        entry(P + "ParameterizedExample.adds(int, int, int)[2]", FAIL),
                        entry(P + "DynamicExample.factory[3][2]", SUCCESS),
                        entry(P + "NestedExample$Inner$Deeper.deep", SUCCESS),
                        entry(P + "OverloadExample.check(String)", SUCCESS),
                        entry(P + "OverloadExample.check(String)[1]", SUCCESS),
                        entry(P + "JUnit4Example.fails", FAIL),
                        entry(P + "TestNgExample.passes", SUCCESS));
    }

    @Test
    void anIdThatNamesNoTestFailsSayingSo(@TempDir Path dir) throws IOException {
        Path ids = dir.resolve("ids");
        Files.writeString(
                ids,
                P + "GoneExample.test\n" + P + "PlainExample.gone\n" + P
                        + "ParameterizedExample.adds(int, int, int)[9]\n" + "[engine:nonsense\n");

        WorkerRun run = WorkerRun.of("--ids", ids.toString());

        assertThat(run.outcomes()).hasSize(4).containsValue(FAIL).doesNotContainValue(SUCCESS);
        assertThat(run.attachment(P + "PlainExample.gone", "traceback"))
                .isEqualTo("test not found: " + P + "PlainExample.gone\n");
        assertThat(run.attachment(P + "ParameterizedExample.adds(int, int, int)[9]", "traceback"))
                .startsWith("test not found: ");
        assertThat(run.attachment(P + "GoneExample.test", "traceback")).startsWith("test not found: ");
    }

    @Test
    void aClassIdRunsTheWholeClassAndReportsTheClass(@TempDir Path dir) throws IOException {
        Path ids = dir.resolve("ids");
        Files.writeString(ids, P + "SkippedExample\n");

        WorkerRun run = WorkerRun.of("--ids", ids.toString());

        assertThat(run.outcomes())
                .containsOnly(
                        entry(P + "SkippedExample", SUCCESS),
                        entry(P + "SkippedExample.disabled", SKIP),
                        entry(P + "SkippedExample.aborted", SKIP));
    }

    @Test
    void feedRunsBatchesInOrderAndEndsEveryFedIdOnce() {
        List<String> first = List.of(P + "PlainExample.passes", P + "PlainExample.fails", P + "NoSuchExample.x");
        List<String> second = List.of(P + "DynamicExample.factory", P + "PlainExample.passes");
        List<String> last = List.of(P + "JUnit4Example.passes"); // no empty line: EOF ends the last batch
        String stdin = String.join("\n", first) + "\n\n" + String.join("\n", second) + "\n\n" + String.join("\n", last);

        WorkerRun run = WorkerRun.fed(stdin, "--feed");

        assertThat(run.exitCode()).isZero();
        List<String> ended = run.events().stream()
                .filter(e -> e.status().isFinal())
                .map(Event::testId)
                .filter(id -> !id.contains("["))
                .collect(Collectors.toList());
        assertThat(ended)
                .containsExactlyInAnyOrder(
                        P + "PlainExample.passes",
                        P + "PlainExample.fails",
                        P + "NoSuchExample.x",
                        P + "DynamicExample.factory",
                        P + "PlainExample.passes",
                        P + "JUnit4Example.passes");
        assertThat(ended.subList(0, 3)).containsExactlyInAnyOrderElementsOf(first);
        assertThat(ended.subList(3, 5)).containsExactlyInAnyOrderElementsOf(second);
        assertThat(ended.get(5)).isEqualTo(last.get(0));
    }

    @Test
    void theStreamHoldsOnlyPacketsWhateverTestsPrint() {
        WorkerRun run = WorkerRun.fixture("PrintingExample");

        assertThat(run.summary().corrupt()).isZero();
        assertThat(run.summary().interleavedBytes()).isZero();
        assertThat(run.attachment(P + "PrintingExample.printsBoth", "stdout")).isEqualTo("out line\n");
        assertThat(run.attachment(P + "PrintingExample.printsBoth", "stderr")).isEqualTo("err line\n");
        assertThat(run.attachment(P + "PrintingExample.printsWithoutNewline", "stdout"))
                .isEqualTo("no newline");
        assertThat(run.result(P + "PrintingExample.printsBoth")
                        .attachment("stdout")
                        .orElseThrow()
                        .mimeType())
                .isEqualTo("text/plain; charset=utf8");
        assertThat(run.result(P + "PrintingExample.printsPacketLikeBytes")
                        .attachment("stdout")
                        .orElseThrow()
                        .content()
                        .get(0))
                .isEqualTo((byte) 0xB3);
    }

    @Test
    void outputBetweenTestsBelongsToNoTest() {
        WorkerRun run = WorkerRun.fixture("PrintingExample");

        String between = run.events().stream()
                .filter(e -> e.testId() == null && e.hasFile())
                .map(e -> e.fileName() + ":" + e.fileBytes().utf8())
                .collect(Collectors.joining());
        assertThat(between).contains("stdout:before all\n", "stderr:after all\n");
        assertThat(run.attachment(P + "PrintingExample.printsBoth", "stdout")).doesNotContain("before all");
    }

    @Test
    void restoresTheStandardStreamsAfterwards() {
        var out = System.out;
        var err = System.err;
        var in = System.in;
        String running = System.getProperty(JUnitWorker.RUNNING_PROPERTY); // set when an outer worker runs us

        WorkerRun.fixture("PrintingExample");

        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
        assertThat(System.in).isSameAs(in);
        assertThat(System.getProperty(JUnitWorker.RUNNING_PROPERTY)).isEqualTo(running);
    }

    @Test
    void prefixesEveryIdAndSelectsByPrefixedIds(@TempDir Path dir) throws IOException {
        WorkerRun list = WorkerRun.fixture("PlainExample", "--prefix", "core:", "--list");
        Path ids = dir.resolve("ids");
        Files.writeString(ids, "core:" + P + "PlainExample.passes\n" + P + "PlainExample.passes\n");

        WorkerRun run = WorkerRun.of("--prefix", "core:", "--ids", ids.toString());

        assertThat(list.listed().keySet()).allMatch(id -> id.startsWith("core:" + P));
        assertThat(run.outcomes())
                .containsOnly(
                        entry("core:" + P + "PlainExample.passes", SUCCESS), entry(P + "PlainExample.passes", FAIL));
    }

    @Test
    void aSelectedClassThatCannotBeLoadedIsAFailedTest(@TempDir Path dir) throws Exception {
        Path classes = BrokenClasses.compile(dir);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (var loader =
                new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            Path ids = dir.resolve("ids");
            Files.writeString(ids, "broken.BrokenTest.works\n");

            WorkerRun list = WorkerRun.of("--scan", classes.toString(), "--list");
            WorkerRun byId = WorkerRun.of("--ids", ids.toString());

            assertThat(list.listed()).containsEntry("broken.BrokenTest", true);
            assertThat(list.attachment("broken.BrokenTest", "traceback"))
                    .contains("class broken.BrokenTest cannot be loaded", "NoClassDefFoundError", "broken/MissingBase");
            assertThat(byId.outcomes()).containsOnly(entry("broken.BrokenTest.works", FAIL));
            assertThat(byId.attachment("broken.BrokenTest.works", "traceback")).contains("NoClassDefFoundError");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aBadCommandLineIsOneLineOnStderrAndStatusTwo() {
        WorkerRun unknown = WorkerRun.of("--frobnicate");
        WorkerRun twoModes = WorkerRun.of("--list", "--feed", "--scan", ".");
        WorkerRun missingValue = WorkerRun.of("--ids");

        assertThat(List.of(unknown, twoModes, missingValue)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr().lines()).hasSize(1).allMatch(line -> line.startsWith("testr4j-junit: "));
            assertThat(run.stdout()).isEmpty();
        });
        assertThat(unknown.stderr()).contains("'--frobnicate'");
    }

    @Test
    void idsFileThatCannotBeReadIsStatusTwo(@TempDir Path dir) {
        WorkerRun run = WorkerRun.of("--ids", dir.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--ids", "missing");
    }
}
