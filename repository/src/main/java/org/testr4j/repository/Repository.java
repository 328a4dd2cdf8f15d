package org.testr4j.repository;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A test repository: every run kept as its subunit v2 stream, queried through a derived index.
 * {@link FileRepository} keeps runs in a {@code .testr/} folder; {@link InMemoryRepository} in memory.
 *
 * <pre>{@code
 * try (Repository repo = FileRepository.open(Path.of("."), System.err::println)) {
 *     StoredRun run = repo.load(Files.newInputStream(Path.of("run.subunit")), RunMetadata.EMPTY);
 *     repo.failing().forEach(t -> System.out.println(t.testId()));
 * }
 * }</pre>
 */
public interface Repository extends AutoCloseable {
    /** Starts a new run with its own id; concurrent writers never share one. */
    RunWriter startRun(RunMetadata metadata) throws IOException;

    /** Stores the v2 stream {@code in} as a new run and returns its summary. */
    default StoredRun load(InputStream in, RunMetadata metadata) throws IOException {
        try (RunWriter run = startRun(metadata)) {
            in.transferTo(run);
            return run.finish();
        }
    }

    /** Every run, oldest first. */
    List<StoredRun> runs() throws IOException;

    default Optional<StoredRun> latestRun() throws IOException {
        List<StoredRun> runs = runs();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /**
     * The run named by {@code ref}: a run id, or a negative index counting back from the latest
     * ({@code -1} the latest, {@code -2} the one before).
     *
     * @throws NoSuchRunException naming the ids that exist, when none matches
     */
    default StoredRun run(int ref) throws IOException {
        List<StoredRun> runs = runs();
        if (runs.isEmpty()) {
            throw new NoSuchRunException("no runs in the repository yet: load one with 'testr load'");
        }
        if (ref < 0) {
            if (-ref > runs.size()) {
                throw new NoSuchRunException("run " + ref + " does not exist: the repository holds " + runs.size()
                        + " runs, so -1 to -" + runs.size() + " name them");
            }
            return runs.get(runs.size() + ref);
        }
        for (StoredRun run : runs) {
            if (run.id() == ref) {
                return run;
            }
        }
        throw new NoSuchRunException("run " + ref + " does not exist: runs are "
                + runs.get(0).id() + " to "
                + runs.get(runs.size() - 1).id()
                + (runs.size() < runs.get(runs.size() - 1).id() - runs.get(0).id() + 1
                        ? " with gaps ('testr history list' shows them)"
                        : ""));
    }

    /** How each test of a run ended, in the order the tests ended. */
    List<TestOutcome> outcomes(int runId) throws IOException;

    /** Every test ever run, by id. */
    List<TestHistory> tests() throws IOException;

    /** The tests failing now, by id. */
    List<TestHistory> failing() throws IOException;

    /** The run's stream, exactly the v2 bytes that arrived. */
    InputStream openStream(int runId) throws IOException;

    /** Deletes a run and its stream. */
    void remove(int runId) throws IOException;

    /** The bytes the repository takes, index included. */
    long sizeOnDisk() throws IOException;

    @Override
    void close() throws IOException;
}
