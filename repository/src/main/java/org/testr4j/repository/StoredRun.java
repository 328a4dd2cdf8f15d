package org.testr4j.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run in the repository, as the index summarises it.
 *
 * <pre>{@code
 * StoredRun run = repository.latestRun().orElseThrow();
 * run.id(); run.counts().failures(); run.wallTime(); // 7, 2, PT12.5S
 * }</pre>
 *
 * @param id the run id, counting from 0
 * @param start the earliest timestamp in the stream, or null if it had none
 * @param stop the latest timestamp in the stream, or null if it had none
 * @param counts tests by final status
 * @param testTimeNanos the sum of the tests' own durations
 * @param interrupted true when the writer stopped before the run ended: every packet that arrived is kept
 * @param metadata where and how it was made; {@link RunMetadata#partial()} says whether it was partial
 * @param sizeOnDisk the bytes its stream takes in the repository
 */
public record StoredRun(
        int id,
        Instant start,
        Instant stop,
        RunCounts counts,
        long testTimeNanos,
        boolean interrupted,
        RunMetadata metadata,
        long sizeOnDisk) {
    public StoredRun {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** From the first to the last timestamp; zero without timestamps. */
    public Duration wallTime() {
        return start == null || stop == null ? Duration.ZERO : Duration.between(start, stop);
    }

    public Optional<Instant> startTime() {
        return Optional.ofNullable(start);
    }

    public boolean partial() {
        return metadata.partial();
    }

    /** True when no test failed or unexpectedly succeeded. */
    public boolean successful() {
        return counts.failures() == 0;
    }
}
