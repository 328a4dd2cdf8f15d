package org.testr4j.repository;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derived index of a repository: everything the queries need, built from the run streams and
 * rebuildable from them at any time. {@link SqliteIndex} is the embedded one; a team-wide index
 * (PostgreSQL) would be another implementation of this interface.
 *
 * <p>Every method is atomic: an {@link #add} either lands whole or not at all, so a writer that
 * dies leaves the index as it was.
 *
 * <pre>{@code
 * try (RunIndex index = SqliteIndex.open(Path.of(".testr/index.sqlite"))) {
 *     index.failing().forEach(t -> System.out.println(t.testId()));
 * }
 * }</pre>
 */
public interface RunIndex extends AutoCloseable {
    /** The runs indexed so far, each with the stamp of the stream it was built from (name and size). */
    Map<Integer, String> sources() throws IOException;

    /** Indexes {@code run}, replacing any run with its id, and updates every test's history. */
    void add(StoredRun run, String source, List<TestOutcome> outcomes) throws IOException;

    /** Forgets a run and recomputes the history of its tests. */
    void remove(int runId) throws IOException;

    /** Every run, oldest first. */
    List<StoredRun> runs() throws IOException;

    Optional<StoredRun> run(int runId) throws IOException;

    /** How each test of a run ended, in the order the tests ended. */
    List<TestOutcome> outcomes(int runId) throws IOException;

    /** Every test ever run, by id. */
    List<TestHistory> tests() throws IOException;

    /** The tests failing now: failed in the latest full run, or in a partial run since. By id. */
    List<TestHistory> failing() throws IOException;

    @Override
    void close() throws IOException;
}
