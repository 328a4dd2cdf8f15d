package org.testr4j.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.testr4j.subunit.v2.PacketReader;

/**
 * A repository held in memory, with an in-memory SQLite index: for tests of code that uses a
 * {@link Repository}. Thread-safe; streams are kept whole.
 *
 * <pre>{@code
 * try (Repository repo = new InMemoryRepository()) {
 *     repo.load(new ByteArrayInputStream(stream), RunMetadata.EMPTY).counts().total(); // 20
 * }
 * }</pre>
 */
public final class InMemoryRepository implements Repository {
    private final Map<Integer, byte[]> streams = new TreeMap<>();
    private final Map<Integer, RunMetadata> metadata = new TreeMap<>();
    private final RunIndex index;
    private int nextId;

    public InMemoryRepository() throws IOException {
        this.index = SqliteIndex.inMemory();
    }

    @Override
    public synchronized RunWriter startRun(RunMetadata runMetadata) {
        int id = nextId++;
        metadata.put(id, runMetadata);
        return new MemoryRunWriter(id);
    }

    private synchronized StoredRun store(int id, byte[] stream, boolean interrupted) throws IOException {
        streams.put(id, stream);
        RunIndexer indexer = new RunIndexer();
        PacketReader.lenient(new ByteArrayInputStream(stream)).readAll(indexer);
        indexer.stopRun();
        StoredRun run = indexer.toRun(id, interrupted, metadata.get(id), stream.length);
        index.add(run, id + ":" + stream.length, indexer.outcomes());
        return run;
    }

    @Override
    public synchronized List<StoredRun> runs() throws IOException {
        return index.runs();
    }

    @Override
    public synchronized List<TestOutcome> outcomes(int runId) throws IOException {
        return index.outcomes(runId);
    }

    @Override
    public synchronized List<TestHistory> tests() throws IOException {
        return index.tests();
    }

    @Override
    public synchronized List<TestHistory> failing() throws IOException {
        return index.failing();
    }

    @Override
    public synchronized InputStream openStream(int runId) throws IOException {
        byte[] stream = streams.get(runId);
        if (stream == null) {
            throw new NoSuchRunException("run " + runId + " does not exist");
        }
        return new ByteArrayInputStream(stream);
    }

    @Override
    public synchronized void remove(int runId) throws IOException {
        if (streams.remove(runId) == null) {
            throw new NoSuchRunException("run " + runId + " does not exist");
        }
        metadata.remove(runId);
        index.remove(runId);
    }

    @Override
    public synchronized long sizeOnDisk() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    /** Buffers the run; closing it unfinished stores what arrived as an interrupted run, as a dead writer's file is. */
    private final class MemoryRunWriter extends RunWriter {
        private final int id;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean done;

        MemoryRunWriter(int id) {
            this.id = id;
        }

        @Override
        public int runId() {
            return id;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public StoredRun finish() throws IOException {
            if (done) {
                throw new IOException("run " + id + " is closed");
            }
            done = true;
            return store(id, bytes.toByteArray(), false);
        }

        @Override
        public StoredRun interrupt() throws IOException {
            if (done) {
                throw new IOException("run " + id + " is closed");
            }
            done = true;
            return store(id, bytes.toByteArray(), true);
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                store(id, bytes.toByteArray(), true);
            }
        }
    }
}
