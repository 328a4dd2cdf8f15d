package org.testr4j.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.TestStatus;

class ConcurrentLoadTest {
    private static final int WRITERS = 8;

    @TempDir
    Path project;

    @Test
    void eightConcurrentLoadsGetDistinctIdsAndAConsistentIndex() throws Exception {
        FileRepository.init(project, n -> {}).close();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> ids = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Callable<Integer> load = () -> {
                StreamBuilder stream = new StreamBuilder();
                for (int t = 0; t < 200; t++) {
                    stream.test("t" + t, (t + writer) % 7 == 0 ? TestStatus.FAIL : TestStatus.SUCCESS, t % 13);
                }
                byte[] bytes = stream.build();
                start.await();
                // each writer opens the repository itself, as a separate testr process would
                try (FileRepository repo = FileRepository.open(project, n -> {})) {
                    return repo.load(new ByteArrayInputStream(bytes), RunMetadata.EMPTY)
                            .id();
                }
            };
            ids.add(pool.submit(load));
        }
        start.countDown();
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> id : ids) {
            got.add(id.get());
        }
        pool.shutdown();

        assertThat(got).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        List<StoredRun> runs;
        List<TestHistory> tests;
        try (FileRepository repo = FileRepository.open(project, n -> {})) {
            runs = repo.runs();
            tests = repo.tests();
        }
        assertThat(runs).extracting(StoredRun::id).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(runs).allSatisfy(run -> assertThat(run.counts().total()).isEqualTo(200));
        assertThat(tests).hasSize(200).allSatisfy(t -> assertThat(t.runs()).isEqualTo(WRITERS));
        Files.delete(project.resolve(".testr/index.sqlite"));
        try (FileRepository rebuilt = FileRepository.open(project, n -> {})) {
            assertThat(rebuilt.runs()).isEqualTo(runs);
            assertThat(rebuilt.tests()).isEqualTo(tests);
        }
    }
}
