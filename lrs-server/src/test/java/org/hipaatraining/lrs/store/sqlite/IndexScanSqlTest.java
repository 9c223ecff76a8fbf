package org.hipaatraining.lrs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An index scan read a chunk at a time: each chunk must seek to where the last one stopped (SQLite's own plan says
 * which bound it searches by), and the chunks together must be exactly the range, in order, either way.
 */
class IndexScanSqlTest {

    private static final String TABLE = "x1";
    private Connection sqlite;

    @BeforeEach
    void fill() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        sqlite.createStatement().execute("CREATE TABLE " + TABLE + " " + Catalog.Kind.INDEX.columns);
        sqlite.setAutoCommit(false);
        try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO " + TABLE + " (k, pos) VALUES (?, ?)")) {
            for (int i = 0; i < 3000; i++) {
                // three keys (prefix 1, 2 and 3), each held by many documents: a range is one prefix
                insert.setBytes(1, new byte[] {(byte) (1 + i % 3), (byte) (i / 256), (byte) i});
                insert.setLong(2, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        sqlite.commit();
    }

    @AfterEach
    void close() throws SQLException {
        sqlite.close();
    }

    @Test
    void aLaterChunkSeeksToTheEntryAfterTheLastOneRead() throws SQLException {
        IndexTable.Entry after = new IndexTable.Entry(new byte[] {2, 5, 0}, 1000);
        assertThat(plan(new byte[] {2}, new byte[] {3}, false, after)).contains("(k,pos)>(?,?)");
        assertThat(plan(new byte[] {2}, new byte[] {3}, true, after)).contains("(k,pos)<(?,?)");
        // the first chunk seeks by the range
        assertThat(plan(new byte[] {2}, new byte[] {3}, false, null)).contains("k>?");
    }

    @Test
    void chunksTogetherAreTheRangeInOrderEitherWay() throws SQLException {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            if (i % 3 == 1) {
                expected.add((long) i);
            }
        }
        assertThat(readInChunks(new byte[] {2}, new byte[] {3}, false)).containsExactlyElementsOf(expected);
        List<Long> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(readInChunks(new byte[] {2}, new byte[] {3}, true)).containsExactlyElementsOf(newestFirst);
        assertThat(readInChunks(null, null, false)).hasSize(3000);
        assertThat(readInChunks(new byte[] {3}, null, true)).hasSize(1000).allMatch(pos -> pos % 3 == 2);
    }

    private List<Long> readInChunks(byte[] from, byte[] to, boolean reverse) throws SQLException {
        List<Long> positions = new ArrayList<>();
        IndexTable.Entry after = null;
        while (true) {
            List<Object> args = new ArrayList<>();
            String sql = IndexTable.scanSql(TABLE, from, to, reverse, after, 97, args);
            List<IndexTable.Entry> chunk = new ArrayList<>();
            try (ResultSet rows = query(sql, args)) {
                while (rows.next()) {
                    chunk.add(new IndexTable.Entry(rows.getBytes(1), rows.getLong(2)));
                }
            }
            chunk.forEach(e -> positions.add(e.position()));
            if (chunk.size() < 97) {
                return positions;
            }
            after = chunk.get(chunk.size() - 1);
        }
    }

    private String plan(byte[] from, byte[] to, boolean reverse, IndexTable.Entry after) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "EXPLAIN QUERY PLAN " + IndexTable.scanSql(TABLE, from, to, reverse, after, 256, args);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = query(sql, args)) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }

    private ResultSet query(String sql, List<Object> args) throws SQLException {
        PreparedStatement statement = sqlite.prepareStatement(sql);
        statement.closeOnCompletion();
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
        return statement.executeQuery();
    }
}
