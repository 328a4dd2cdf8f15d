package org.testr4j.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.testr4j.subunit.TestStatus;

/**
 * The {@code test} and {@code result} tables of a {@link SqliteIndex}: each test's integer key and
 * folded history, and its outcome in each run. A run newer than every other is folded onto the
 * histories in place; any other change refolds them all from the results, oldest run first, so
 * the histories never depend on the order runs were indexed in. Callers hold the transaction.
 */
final class TestTable {
    /** The columns {@link #foldOf} reads, in this order: by position, as a name lookup per value costs more. */
    static final String COLUMNS = "key, name, last_run, last_status, last_duration_ns, duration_sum_ns, timed_runs,"
            + " runs, failures, flips, last_outcome, failing, failing_run";

    private final Connection db;

    TestTable(Connection db) {
        this.db = db;
    }

    void insertResults(int runId, List<TestOutcome> outcomes, Map<String, Row> tests) throws SQLException {
        try (PreparedStatement newTest = db.prepareStatement("INSERT INTO test (name, runs) VALUES (?, 0)");
                PreparedStatement result =
                        db.prepareStatement("INSERT OR REPLACE INTO result VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (TestOutcome o : outcomes) {
                Row row = tests.get(o.testId());
                if (row == null) {
                    newTest.setString(1, o.testId());
                    newTest.executeUpdate();
                    try (ResultSet keys = newTest.getGeneratedKeys()) {
                        keys.next();
                        row = new Row(keys.getInt(1), new TestFold());
                    }
                    tests.put(o.testId(), row);
                }
                result.setInt(1, runId);
                result.setInt(2, row.key);
                result.setInt(3, seq++);
                result.setInt(4, o.status().code());
                if (o.durationNanos() < 0) {
                    result.setNull(5, java.sql.Types.INTEGER);
                } else {
                    result.setLong(5, o.durationNanos());
                }
                result.setString(6, o.routeCode());
                result.addBatch();
            }
            result.executeBatch();
        }
    }

    /** The run is the newest: fold it onto each test's history in place. */
    void foldIn(StoredRun run, List<TestOutcome> outcomes, Map<String, Row> tests) throws SQLException {
        if (!run.partial() && !run.interrupted()) {
            try (Statement s = db.createStatement()) {
                s.execute("UPDATE test SET failing = 0, failing_run = -1 WHERE failing = 1");
            }
            for (Row row : tests.values()) {
                row.fold.missedFullRun();
            }
        }
        Map<Integer, Row> touched = new HashMap<>();
        for (TestOutcome o : outcomes) {
            Row row = tests.get(o.testId());
            row.fold.ran(run.id(), o.status(), o.durationNanos());
            touched.put(row.key, row);
        }
        writeFolds(touched.values());
    }

    /** Recomputes every test's history from the per-run results, oldest run first. */
    void refoldAll() throws SQLException {
        TreeSet<Integer> fullRuns = new TreeSet<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM run WHERE partial = 0 AND interrupted = 0")) {
            while (rs.next()) {
                fullRuns.add(rs.getInt(1));
            }
        }
        List<Row> rows = new ArrayList<>();
        String sql = "SELECT test, run, status, duration_ns FROM result ORDER BY test, run";
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            Row row = null;
            int previousRun = -1;
            while (rs.next()) {
                int key = rs.getInt(1);
                if (row == null || row.key != key) {
                    finishFold(row, previousRun, fullRuns);
                    row = new Row(key, new TestFold());
                    rows.add(row);
                    previousRun = -1;
                }
                int runId = rs.getInt(2);
                Integer fullBetween = fullRuns.higher(previousRun);
                if (fullBetween != null && fullBetween < runId) {
                    row.fold.missedFullRun();
                }
                long nanos = rs.getLong(4);
                row.fold.ran(runId, TestStatus.fromCode(rs.getInt(3)), rs.wasNull() ? -1 : nanos);
                previousRun = runId;
            }
            finishFold(row, previousRun, fullRuns);
        }
        writeFolds(rows);
    }

    private static void finishFold(Row row, int lastRun, TreeSet<Integer> fullRuns) {
        if (row != null && fullRuns.higher(lastRun) != null) {
            row.fold.missedFullRun();
        }
    }

    private void writeFolds(Iterable<Row> rows) throws SQLException {
        String sql = "UPDATE test SET last_run = ?, last_status = ?, last_duration_ns = ?, duration_sum_ns = ?,"
                + " timed_runs = ?, runs = ?, failures = ?, flips = ?, last_outcome = ?, failing = ?, failing_run = ?"
                + " WHERE key = ?";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (Row row : rows) {
                TestFold f = row.fold;
                p.setInt(1, f.lastRun);
                p.setInt(2, f.lastStatus.code());
                p.setLong(3, f.lastDurationNanos);
                p.setLong(4, f.durationSumNanos);
                p.setInt(5, f.timedRuns);
                p.setInt(6, f.runs);
                p.setInt(7, f.failures);
                p.setInt(8, f.flips);
                p.setInt(9, f.lastOutcome);
                p.setInt(10, f.failing ? 1 : 0);
                p.setInt(11, f.failingRun);
                p.setInt(12, row.key);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    Map<String, Row> load() throws SQLException {
        Map<String, Row> tests = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM test")) {
            while (rs.next()) {
                tests.put(rs.getString(2), new Row(rs.getInt(1), foldOf(rs)));
            }
        }
        return tests;
    }

    /** The fold of a row selected as {@link #COLUMNS}. */
    static TestFold foldOf(ResultSet rs) throws SQLException {
        TestFold f = new TestFold();
        f.lastRun = rs.getInt(3);
        f.lastStatus = TestStatus.fromCode(rs.getInt(4));
        f.lastDurationNanos = rs.getLong(5);
        f.durationSumNanos = rs.getLong(6);
        f.timedRuns = rs.getInt(7);
        f.runs = rs.getInt(8);
        f.failures = rs.getInt(9);
        f.flips = rs.getInt(10);
        f.lastOutcome = rs.getInt(11);
        f.failing = rs.getInt(12) == 1;
        f.failingRun = rs.getInt(13);
        return f;
    }

    /** A test's key and its folded history. */
    static final class Row {
        final int key;
        final TestFold fold;

        Row(int key, TestFold fold) {
            this.key = key;
            this.fold = fold;
        }
    }
}
