package org.testr4j.repository;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A run being written: the subunit v2 bytes go in as they arrive; {@link #finish()} stores and
 * indexes the run. Closing without finishing leaves what arrived as an interrupted run, which the
 * next command indexes as such.
 *
 * <pre>{@code
 * try (RunWriter run = repository.startRun(RunMetadata.EMPTY)) {
 *     input.transferTo(run);
 *     StoredRun stored = run.finish();
 * }
 * }</pre>
 */
public abstract class RunWriter extends OutputStream {
    /** The id this run was given when it started. */
    public abstract int runId();

    /** Ends the run: stores it for good, indexes it and returns its summary. */
    public abstract StoredRun finish() throws IOException;

    /**
     * Ends the run cut short (Ctrl-C): keeps every byte that arrived as an interrupted run, as a
     * writer that died would leave it, but indexes it now and returns its summary.
     *
     * <pre>{@code
     * StoredRun run = writer.interrupt(); // run.interrupted() is true
     * }</pre>
     */
    public abstract StoredRun interrupt() throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }
}
