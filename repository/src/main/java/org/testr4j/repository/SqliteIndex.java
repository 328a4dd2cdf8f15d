package org.testr4j.repository;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.testr4j.subunit.TestStatus;

/**
 * The embedded index: one SQLite file beside the runs. Tests get integer keys, so the per-run
 * results stay small (a few bytes per test and run); each test's history is kept folded.
 *
 * <pre>{@code
 * try (SqliteIndex index = SqliteIndex.open(Path.of(".testr/index.sqlite"))) {
 *     index.runs().size(); // 200
 * }
 * }</pre>
 */
public final class SqliteIndex implements RunIndex {
    /** Bump when the schema changes: an index of another version is rebuilt from the streams. */
    static final int SCHEMA_VERSION = 1;

    private static final String[] SCHEMA = {
        "CREATE TABLE run (id INTEGER PRIMARY KEY, source TEXT NOT NULL, start_ns INTEGER, stop_ns INTEGER,"
                + " passed INTEGER, failed INTEGER, skipped INTEGER, xfail INTEGER, uxsuccess INTEGER,"
                + " in_progress INTEGER, test_time_ns INTEGER, partial INTEGER, interrupted INTEGER,"
                + " metadata TEXT, size INTEGER)",
        "CREATE TABLE test (key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, last_run INTEGER,"
                + " last_status INTEGER, last_duration_ns INTEGER, duration_sum_ns INTEGER, timed_runs INTEGER,"
                + " runs INTEGER, failures INTEGER, flips INTEGER, last_outcome INTEGER, failing INTEGER,"
                + " failing_run INTEGER)",
        "CREATE INDEX test_failing ON test (failing) WHERE failing = 1",
        "CREATE TABLE result (run INTEGER NOT NULL, test INTEGER NOT NULL, seq INTEGER NOT NULL,"
                + " status INTEGER NOT NULL, duration_ns INTEGER, route TEXT, PRIMARY KEY (run, test)) WITHOUT ROWID",
        "PRAGMA user_version = " + SCHEMA_VERSION,
    };

    private final String where;
    private final Connection db;
    private final boolean created;

    private SqliteIndex(String where, Connection db, boolean created) {
        this.where = where;
        this.db = db;
        this.created = created;
    }

    /**
     * Opens (creating if need be) the index in {@code file}. An index of another schema version is
     * emptied, so the caller rebuilds it; an unreadable one makes this throw.
     *
     * @throws IOException naming the file, when it is not a readable SQLite database
     */
    public static SqliteIndex open(Path file) throws IOException {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), file.toString());
    }

    /** An index held in memory only: for {@link InMemoryRepository} and tests. */
    public static SqliteIndex inMemory() throws IOException {
        return open("jdbc:sqlite::memory:", "in-memory index");
    }

    private static SqliteIndex open(String url, String where) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(120_000); // concurrent writers wait their turn rather than fail
        // WAL: a commit appends to the log without waiting for a sync, and readers never wait for
        // writers. A crash can lose the last commits, never corrupt the file; the catch-up redoes them.
        if (!url.endsWith(":memory:")) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        Connection db = null;
        try {
            db = source.getConnection(); // autocommit: reads take no lock longer than their query
            int version;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            // Touch every table so a damaged file fails here, not in the middle of a query.
            if (version == SCHEMA_VERSION) {
                try (Statement s = db.createStatement();
                        ResultSet rs =
                                s.executeQuery("SELECT (SELECT count(*) FROM run), (SELECT count(*) FROM test)")) {
                    rs.next();
                }
                return new SqliteIndex(where, db, false);
            }
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                // Another process may have built the schema while we waited for the write lock.
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version == SCHEMA_VERSION) {
                    db.commit();
                    db.setAutoCommit(true);
                    return new SqliteIndex(where, db, false);
                }
                if (version != 0) {
                    for (String table : new String[] {"run", "test", "result"}) {
                        s.execute("DROP TABLE IF EXISTS " + table);
                    }
                }
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
            db.commit();
            db.setAutoCommit(true);
            return new SqliteIndex(where, db, true);
        } catch (SQLException e) {
            if (db != null) {
                try {
                    db.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IOException("index " + where + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** True when this open created the index (or emptied an index of another version): it needs building. */
    boolean created() {
        return created;
    }

    @Override
    public Map<Integer, String> sources() throws IOException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, source FROM run")) {
            Map<Integer, String> sources = new TreeMap<>();
            while (rs.next()) {
                sources.put(rs.getInt(1), rs.getString(2));
            }
            return sources;
        } catch (SQLException e) {
            throw failed("read the runs", e);
        }
    }

    @Override
    public void add(StoredRun run, String source, List<TestOutcome> outcomes) throws IOException {
        try {
            db.setAutoCommit(false);
            deleteRun(run.id());
            insertRun(run, source);
            boolean inOrder;
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT coalesce(max(id), -1) FROM run WHERE id <> " + run.id())) {
                rs.next();
                inOrder = rs.getInt(1) < run.id();
            }
            TestTable table = new TestTable(db);
            Map<String, TestTable.Row> tests = table.load();
            table.insertResults(run.id(), outcomes, tests);
            if (inOrder) {
                table.foldIn(run, outcomes, tests);
            } else {
                table.refoldAll();
            }
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(e);
            throw failed("index run " + run.id(), e);
        }
    }

    @Override
    public void remove(int runId) throws IOException {
        try {
            db.setAutoCommit(false);
            deleteRun(runId);
            try (Statement s = db.createStatement()) {
                s.execute("DELETE FROM test WHERE key NOT IN (SELECT DISTINCT test FROM result)");
            }
            new TestTable(db).refoldAll();
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(e);
            throw failed("remove run " + runId, e);
        }
    }

    @Override
    public List<StoredRun> runs() throws IOException {
        return queryRuns("SELECT * FROM run ORDER BY id", -1);
    }

    @Override
    public Optional<StoredRun> run(int runId) throws IOException {
        return queryRuns("SELECT * FROM run WHERE id = ?", runId).stream().findFirst();
    }

    @Override
    public List<TestOutcome> outcomes(int runId) throws IOException {
        String sql = "SELECT t.name, r.status, r.duration_ns, r.route FROM result r JOIN test t ON t.key = r.test"
                + " WHERE r.run = ? ORDER BY r.seq";
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setInt(1, runId);
            List<TestOutcome> outcomes = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(new TestOutcome(
                            rs.getString(1), TestStatus.fromCode(rs.getInt(2)), rs.getLong(3), rs.getString(4)));
                }
            }
            return outcomes;
        } catch (SQLException e) {
            throw failed("read the results of run " + runId, e);
        }
    }

    @Override
    public List<TestHistory> tests() throws IOException {
        return queryTests("SELECT " + TestTable.COLUMNS + " FROM test WHERE runs > 0 ORDER BY name");
    }

    @Override
    public List<TestHistory> failing() throws IOException {
        return queryTests("SELECT " + TestTable.COLUMNS + " FROM test WHERE failing = 1 ORDER BY name");
    }

    @Override
    public void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw failed("close", e);
        }
    }

    // ---------------------------------------------------------------- writing

    private void deleteRun(int runId) throws SQLException {
        try (PreparedStatement r = db.prepareStatement("DELETE FROM result WHERE run = ?");
                PreparedStatement d = db.prepareStatement("DELETE FROM run WHERE id = ?")) {
            r.setInt(1, runId);
            r.executeUpdate();
            d.setInt(1, runId);
            d.executeUpdate();
        }
    }

    private void insertRun(StoredRun run, String source) throws SQLException {
        String sql = "INSERT INTO run VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            RunCounts c = run.counts();
            p.setInt(1, run.id());
            p.setString(2, source);
            setNanos(p, 3, run.start());
            setNanos(p, 4, run.stop());
            p.setLong(5, c.passed());
            p.setLong(6, c.failed());
            p.setLong(7, c.skipped());
            p.setLong(8, c.expectedFailures());
            p.setLong(9, c.unexpectedSuccesses());
            p.setLong(10, c.inProgress());
            p.setLong(11, run.testTimeNanos());
            p.setInt(12, run.partial() ? 1 : 0);
            p.setInt(13, run.interrupted() ? 1 : 0);
            p.setString(14, run.metadata().toText());
            p.setLong(15, run.sizeOnDisk());
            p.executeUpdate();
        }
    }

    private static void setNanos(PreparedStatement p, int column, Instant at) throws SQLException {
        if (at == null) {
            p.setNull(column, java.sql.Types.INTEGER);
        } else {
            p.setLong(column, at.getEpochSecond() * 1_000_000_000L + at.getNano());
        }
    }

    // ---------------------------------------------------------------- reading

    private List<TestHistory> queryTests(String sql) throws IOException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<TestHistory> tests = new ArrayList<>();
            while (rs.next()) {
                tests.add(TestTable.foldOf(rs).toHistory(rs.getString(2)));
            }
            return tests;
        } catch (SQLException e) {
            throw failed("read the tests", e);
        }
    }

    private List<StoredRun> queryRuns(String sql, int runId) throws IOException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (runId >= 0) {
                q.setInt(1, runId);
            }
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RunCounts counts = new RunCounts(
                            rs.getLong("passed"),
                            rs.getLong("failed"),
                            rs.getLong("skipped"),
                            rs.getLong("xfail"),
                            rs.getLong("uxsuccess"),
                            rs.getLong("in_progress"));
                    runs.add(new StoredRun(
                            rs.getInt("id"),
                            instant(rs, "start_ns"),
                            instant(rs, "stop_ns"),
                            counts,
                            rs.getLong("test_time_ns"),
                            rs.getInt("interrupted") == 1,
                            RunMetadata.fromText(rs.getString("metadata")),
                            rs.getLong("size")));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw failed("read the runs", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long nanos = rs.getLong(column);
        return rs.wasNull()
                ? null
                : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private void rollback(SQLException cause) {
        try {
            db.rollback();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private IOException failed(String what, SQLException e) {
        return new IOException("index " + where + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
