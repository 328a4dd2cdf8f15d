package org.testr4j.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class InMemoryRepositoryTest {
    @Test
    void storesAndQueriesRunsLikeTheFileRepository() throws IOException {
        byte[] stream = new StreamBuilder().test("a", SUCCESS).test("b", FAIL).build();
        try (Repository repo = new InMemoryRepository()) {
            StoredRun run = repo.load(new ByteArrayInputStream(stream), RunMetadata.EMPTY);

            assertThat(run.counts().failures()).isEqualTo(1);
            assertThat(repo.failing()).extracting(TestHistory::testId).containsExactly("b");
            assertThat(repo.openStream(0).readAllBytes()).isEqualTo(stream);
        }
    }

    @Test
    void closingAnUnfinishedRunKeepsItAsInterrupted() throws IOException {
        try (Repository repo = new InMemoryRepository()) {
            try (RunWriter writer = repo.startRun(RunMetadata.EMPTY)) {
                writer.write(new StreamBuilder().test("a", SUCCESS).started("b").build());
            }

            assertThat(repo.run(-1).interrupted()).isTrue();
            assertThat(repo.run(-1).counts().inProgress()).isEqualTo(1);
        }
    }

    @Test
    void interruptKeepsTheRunAsInterruptedAndReturnsIt() throws IOException {
        try (Repository repo = new InMemoryRepository();
                RunWriter writer = repo.startRun(RunMetadata.EMPTY)) {
            writer.write(new StreamBuilder().test("a", SUCCESS).started("b").build());

            StoredRun run = writer.interrupt();

            assertThat(run.interrupted()).isTrue();
            assertThat(run.counts().inProgress()).isEqualTo(1);
            assertThat(repo.run(-1)).isEqualTo(run);
        }
    }
}
