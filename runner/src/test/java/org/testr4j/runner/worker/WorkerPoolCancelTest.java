package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.runner.schedule.Partition;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/** {@link WorkerPool#cancel()}: what Ctrl-C in {@code testr run} relies on. */
class WorkerPoolCancelTest {
    /** Starts a grandchild that holds the worker's stdout open, then says its test started and waits. */
    private static final String HANGING = "sleep 600 & echo $! > child.pid; cat start.subunit; wait";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // without the tree kill, the grandchild keeps stdout open
    void cancelKillsEveryWorkersProcessTreeAndTheRunReturns(@TempDir Path dir) throws Exception {
        FakeSuite.write(
                dir.resolve("start.subunit"),
                Event.test("hangs").status(TestStatus.IN_PROGRESS).build());
        WorkerPool pool = new WorkerPool(dir);
        CountDownLatch started = new CountDownLatch(1);
        StreamResult sink = event -> {
            if (event.status() == TestStatus.IN_PROGRESS) {
                started.countDown();
            }
        };
        CommandTemplate template = new CommandTemplate(HANGING, "", "", null);

        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.run(template, Schedule.fixed(List.of(part(0, "hangs"))), sink);
            } catch (CommandException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        started.await();
        long grandchild =
                Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        pool.cancel();
        RunOutcome outcome = run.get();

        assertThat(outcome.workers())
                .singleElement()
                .satisfies(w -> assertThat(w.crashed()).isTrue());
        // killed, it may take a moment to be reaped; without the tree kill it would sleep for ten minutes
        ProcessHandle.of(grandchild).ifPresent(p -> assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(30)));
    }

    @Test
    void aCancelledPoolStartsNoWorker(@TempDir Path dir) throws Exception {
        WorkerPool pool = new WorkerPool(dir);
        pool.cancel();

        RunOutcome outcome = pool.run(
                new CommandTemplate("touch started", "", "", null),
                Schedule.fixed(List.of(part(0, "a"), part(1, "b"))),
                e -> {});
        RunOutcome isolated = pool.run(
                new CommandTemplate("touch started", "", "", null),
                Schedule.isolated(List.of(part(0, "a"), part(1, "b"))),
                e -> {});

        assertThat(outcome.workers()).isEmpty();
        assertThat(isolated.workers()).isEmpty();
        assertThat(dir.resolve("started")).doesNotExist();
    }

    private static Partition part(int index, String... ids) {
        return new Partition(index, List.of(ids), Duration.ZERO);
    }
}
