package org.testr4j.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRepositoryTest {
    @TempDir
    Path project;

    private final List<String> notices = new ArrayList<>();

    private FileRepository init() throws IOException {
        return FileRepository.init(project, notices::add);
    }

    private FileRepository reopen() throws IOException {
        return FileRepository.open(project, notices::add);
    }

    private static StoredRun load(Repository repo, byte[] stream) throws IOException {
        return repo.load(new ByteArrayInputStream(stream), RunMetadata.EMPTY);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void initCreatesTheLayout() throws IOException {
        try (FileRepository repo = init()) {
            assertThat(repo.runs()).isEmpty();
        }

        assertThat(project.resolve(".testr/format")).hasContent(FileRepository.FORMAT);
        assertThat(project.resolve(".testr/runs")).isDirectory();
        assertThat(project.resolve(".testr/index.sqlite")).exists();
    }

    @Test
    void initRefusesAnExistingRepository() throws IOException {
        init().close();

        assertThatThrownBy(this::init).hasMessageContaining("a repository exists already at");
    }

    @Test
    void openWithoutRepositorySaysHowToMakeOne() {
        assertThatThrownBy(this::reopen)
                .isInstanceOf(RepositoryNotFoundException.class)
                .hasMessage("no repository at " + project.toAbsolutePath() + ": run 'testr init'");
    }

    @Test
    void keepsTheExactBytesCompressedAndIndexesTheRun() throws IOException {
        byte[] stream = new StreamBuilder()
                .test("a", SUCCESS, 5)
                .test("b", FAIL, 7)
                .test("c", SKIP, 1)
                .build();
        try (FileRepository repo = init()) {
            StoredRun run = load(repo, stream);

            assertThat(run.id()).isZero();
            assertThat(run.counts()).isEqualTo(new RunCounts(1, 1, 1, 0, 0, 0));
            assertThat(run.interrupted()).isFalse();
            assertThat(readAll(repo.openStream(0))).isEqualTo(stream);
            assertThat(repo.outcomes(0))
                    .extracting(TestOutcome::testId, TestOutcome::status, TestOutcome::durationNanos)
                    .containsExactly(
                            org.assertj.core.api.Assertions.tuple("a", SUCCESS, 5_000_000L),
                            org.assertj.core.api.Assertions.tuple("b", FAIL, 7_000_000L),
                            org.assertj.core.api.Assertions.tuple("c", SKIP, 1_000_000L));
        }
        assertThat(project.resolve(".testr/runs/0.subunit.gz")).exists();
        assertThat(project.resolve(".testr/runs/0.subunit.part")).doesNotExist();
    }

    @Test
    void fullRunReplacesTheFailingSetAndPartialRunMergesIntoIt() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", FAIL).test("b", FAIL).build());
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("a", "b");

            repo.load(
                    new ByteArrayInputStream(new StreamBuilder()
                            .test("a", SUCCESS)
                            .test("c", FAIL)
                            .build()),
                    RunMetadata.EMPTY.with(RunMetadata.PARTIAL, "true"));
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("b", "c");

            load(repo, new StreamBuilder().test("a", SUCCESS).test("d", FAIL).build());
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("d");
        }
    }

    @Test
    void countsFlipsBetweenPassAndFail() throws IOException {
        try (FileRepository repo = init()) {
            for (var status : List.of(SUCCESS, FAIL, SKIP, FAIL, SUCCESS, SUCCESS)) {
                load(repo, new StreamBuilder().test("t", status, 10).build());
            }

            TestHistory t = repo.tests().get(0);
            assertThat(t.runs()).isEqualTo(6);
            assertThat(t.failures()).isEqualTo(2);
            assertThat(t.flips()).isEqualTo(2);
            assertThat(t.meanDurationNanos()).isEqualTo(10_000_000L);
            assertThat(t.lastStatus()).isEqualTo(SUCCESS);
        }
    }

    @Test
    void negativeRunRefsCountBackFromTheLatest() throws IOException {
        try (FileRepository repo = init()) {
            for (int i = 0; i < 3; i++) {
                load(repo, new StreamBuilder().test("t" + i, SUCCESS).build());
            }

            assertThat(repo.run(-1).id()).isEqualTo(2);
            assertThat(repo.run(-3).id()).isZero();
            assertThat(repo.run(1).id()).isEqualTo(1);
            assertThatThrownBy(() -> repo.run(-4)).hasMessageContaining("-1 to -3");
            assertThatThrownBy(() -> repo.run(9)).hasMessageContaining("runs are 0 to 2");
        }
    }

    @Test
    void rebuildsADeletedIndexFromTheStreams() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", FAIL).build());
            load(repo, new StreamBuilder().test("a", SUCCESS).test("b", FAIL).build());
        }
        List<TestHistory> before;
        try (FileRepository repo = reopen()) {
            before = repo.tests();
        }
        Files.delete(project.resolve(".testr/index.sqlite"));

        try (FileRepository repo = reopen()) {
            assertThat(repo.runs()).hasSize(2);
            assertThat(repo.tests()).isEqualTo(before);
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("b");
        }
        assertThat(notices).anyMatch(n -> n.startsWith("building the index") && n.contains("2 run file(s)"));
    }

    @Test
    void rebuildsACorruptIndex() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", FAIL).build());
        }
        Files.write(
                project.resolve(".testr/index.sqlite"),
                "this is not a database at all, not one bit".repeat(200).getBytes());

        try (FileRepository repo = reopen()) {
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("a");
        }
        assertThat(notices).anyMatch(n -> n.contains("is unreadable") && n.contains("rebuilding it"));
    }

    @Test
    void catchesUpWithARunCopiedInByHand() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", SUCCESS).build());
        }
        Files.write(
                project.resolve(".testr/runs/5.subunit"),
                new StreamBuilder().test("a", FAIL).build());

        try (FileRepository repo = reopen()) {
            assertThat(repo.runs()).extracting(StoredRun::id).containsExactly(0, 5);
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("a");
            assertThat(load(repo, new StreamBuilder().test("a", SUCCESS).build())
                            .id())
                    .isEqualTo(6);
        }
        assertThat(notices).anyMatch(n -> n.contains("was behind the run files") && n.contains("[5]"));
    }

    @Test
    void forgetsARunWhoseFileWasDeletedByHand() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", SUCCESS).build());
            load(repo, new StreamBuilder().test("a", FAIL).build());
        }
        Files.delete(project.resolve(".testr/runs/1.subunit.gz"));

        try (FileRepository repo = reopen()) {
            assertThat(repo.runs()).extracting(StoredRun::id).containsExactly(0);
            assertThat(repo.failing()).isEmpty();
            assertThat(repo.tests().get(0).failures()).isZero();
        }
    }

    @Test
    void keepsAnInterruptedRunWithEveryPacketThatArrived() throws IOException {
        byte[] whole = new StreamBuilder()
                .test("a", SUCCESS)
                .test("b", FAIL)
                .started("c")
                .build();
        byte[] arrived = Arrays.copyOf(whole, whole.length - 3); // cut inside the last packet
        try (FileRepository repo = init()) {
            RunWriter writer = repo.startRun(RunMetadata.EMPTY);
            writer.write(arrived);
            writer.close(); // the writer dies without finishing
        }

        try (FileRepository repo = reopen()) {
            StoredRun run = repo.latestRun().orElseThrow();
            assertThat(run.interrupted()).isTrue();
            assertThat(run.counts().passed()).isEqualTo(1);
            assertThat(run.counts().failed()).isEqualTo(2); // b, and the parser error for the cut packet
            assertThat(readAll(repo.openStream(0))).isEqualTo(arrived);
        }
        assertThat(project.resolve(".testr/runs/0.subunit.part")).exists();
    }

    @Test
    void interruptKeepsTheRunAsInterruptedAndIndexesItAtOnce() throws IOException {
        byte[] arrived = new StreamBuilder().test("a", SUCCESS).started("b").build();
        try (FileRepository repo = init()) {
            RunWriter writer = repo.startRun(RunMetadata.EMPTY);
            writer.write(arrived);

            StoredRun run = writer.interrupt();

            assertThat(run.interrupted()).isTrue();
            assertThat(run.counts().passed()).isEqualTo(1);
            assertThat(run.counts().inProgress()).isEqualTo(1);
            assertThat(repo.runs()).containsExactly(run); // in this repository's index, not only the next one's
            assertThat(readAll(repo.openStream(0))).isEqualTo(arrived);
        }
        assertThat(project.resolve(".testr/runs/0.subunit.part")).exists();
    }

    @Test
    void anInterruptedRunIsPartialForTheFailingSet() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", FAIL).test("b", FAIL).build());
            RunWriter writer = repo.startRun(RunMetadata.EMPTY);
            writer.write(new StreamBuilder().test("a", SUCCESS).started("b").build());
            writer.close();
        }

        try (FileRepository repo = reopen()) {
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("b");
            assertThat(repo.outcomes(1)).extracting(TestOutcome::status).containsExactly(SUCCESS, IN_PROGRESS);
        }
    }

    @Test
    void aRunFinishedOutOfOrderGivesTheSameIndexAsARebuild() throws IOException {
        List<TestHistory> live;
        try (FileRepository repo = init()) {
            RunWriter first = repo.startRun(RunMetadata.EMPTY);
            RunWriter second = repo.startRun(RunMetadata.EMPTY);
            second.write(new StreamBuilder().test("a", SUCCESS).test("b", FAIL).build());
            second.finish();
            first.write(new StreamBuilder().test("a", FAIL).test("b", SUCCESS).build());
            first.finish();
            live = repo.tests();
        }
        Files.delete(project.resolve(".testr/index.sqlite"));

        try (FileRepository repo = reopen()) {
            assertThat(repo.tests()).isEqualTo(live);
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("b");
        }
    }

    @Test
    void removeDeletesTheRunAndItsHistory() throws IOException {
        try (FileRepository repo = init()) {
            load(repo, new StreamBuilder().test("a", SUCCESS).build());
            load(repo, new StreamBuilder().test("a", FAIL).test("z", FAIL).build());

            repo.remove(1);

            assertThat(repo.runs()).extracting(StoredRun::id).containsExactly(0);
            assertThat(repo.failing()).isEmpty();
            assertThat(repo.tests()).extracting(TestHistory::testId).containsExactly("a");
            assertThatThrownBy(() -> repo.remove(1)).isInstanceOf(NoSuchRunException.class);
        }
        assertThat(project.resolve(".testr/runs/1.subunit.gz")).doesNotExist();
    }

    @Test
    void keepsMetadataBesideTheRun() throws IOException {
        try (FileRepository repo = init()) {
            repo.load(
                    new ByteArrayInputStream(
                            new StreamBuilder().test("a", SUCCESS).build()),
                    RunMetadata.capture(project, "testr load x").with(RunMetadata.SEED, "42"));
        }
        Files.delete(project.resolve(".testr/index.sqlite"));

        try (FileRepository repo = reopen()) {
            RunMetadata meta = repo.run(-1).metadata();
            assertThat(meta.get(RunMetadata.SEED)).contains("42");
            assertThat(meta.get(RunMetadata.COMMAND)).contains("testr load x");
            assertThat(meta.get(RunMetadata.JAVA)).isPresent();
            assertThat(meta.get(RunMetadata.HOST)).isPresent();
        }
    }
}
