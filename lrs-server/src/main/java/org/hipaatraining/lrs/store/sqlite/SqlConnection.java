package org.hipaatraining.lrs.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements cached by SQL text. Used by one thread at a time: the writer
 * under the write lock, a reader while it is borrowed from the pool.
 */
final class SqlConnection implements AutoCloseable {

    /** Reads a result row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqlConnection(Connection connection) {
        this.connection = connection;
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw StoreFailure.of(sql, e);
        }
    }

    /** Runs an INSERT, UPDATE, DELETE or DDL statement; returns the rows changed. */
    int update(String sql, Object... args) {
        try {
            PreparedStatement statement = prepare(sql, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreFailure.of(sql, e);
        }
    }

    /** Runs an INSERT and returns the new row's id. */
    long insert(String sql, Object... args) {
        try {
            PreparedStatement statement = prepare(sql, args);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw StoreFailure.of(sql, e);
        }
    }

    /** The first row, or null. */
    <T> T first(String sql, Row<T> row, Object... args) {
        try {
            PreparedStatement statement = prepare(sql, args);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? row.read(rows) : null;
            }
        } catch (SQLException e) {
            throw StoreFailure.of(sql, e);
        }
    }

    /** Every row, handed to {@code each} in order. */
    void forEach(String sql, Row<?> each, Object... args) {
        try {
            PreparedStatement statement = prepare(sql, args);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (SQLException e) {
            throw StoreFailure.of(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /** Forgets cached statements of dropped tables: SQLite would fail them on their next use. */
    void forgetStatements() {
        statements.values().forEach(s -> {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing a statement of a dropped table
            }
        });
        statements.clear();
    }

    @Override
    public void close() {
        forgetStatements();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown
        }
    }
}
