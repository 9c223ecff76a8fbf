package org.hipaatraining.lrs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.bson.Document;
import org.sqlite.SQLiteConfig;

/**
 * A read-only, point-in-time view of the embedded store's file: every collection as it was at one instant, read
 * beside a running LRS (SQLite lets a second reader in, in this process or another, without stopping the writer).
 * The backup reads the stored BSON rows as they are, so a backup costs no decoding and no change to the data.
 */
public final class SqliteSnapshot implements AutoCloseable {

    private final SqlConnection connection;

    private SqliteSnapshot(SqlConnection connection) {
        this.connection = connection;
    }

    /** Opens the file read-only and fixes the instant: everything read through this snapshot is as of now. */
    public static SqliteSnapshot open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no embedded store at " + file.toAbsolutePath());
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(30_000);
            Connection jdbc = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqlConnection connection = new SqlConnection(jdbc);
            connection.execute("BEGIN");
            // a first read starts the snapshot: later commits by the LRS are not seen
            connection.first("SELECT count(*) FROM catalog", row -> row.getLong(1));
            return new SqliteSnapshot(connection);
        } catch (SQLException e) {
            throw StoreFailure.of("open " + file, e);
        }
    }

    /** Full names ({@code lrs.statements}) of every collection with a table, system collections left out. */
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        connection.forEach("SELECT name FROM catalog WHERE kind = 'COLLECTION' ORDER BY name", row -> {
            String name = row.getString(1);
            if (!name.substring(name.indexOf('.') + 1).startsWith("system.")) {
                names.add(name);
            }
            return null;
        });
        return names;
    }

    /** The index descriptions of a collection (as MongoDB's listIndexes gives them), from the database's system.indexes. */
    public List<Document> indexes(String fullName) {
        String database = fullName.substring(0, fullName.indexOf('.'));
        List<Document> indexes = new ArrayList<>();
        forEachRow(database + ".system.indexes", bytes -> {
            Document index = BsonBytes.decode(bytes);
            if (fullName.equals(index.get("ns"))) {
                index.remove("ns");
                indexes.add(index);
            }
        });
        return indexes;
    }

    /** Every document of a collection as its stored BSON bytes, in insertion order. */
    public void forEachDocument(String fullName, Consumer<byte[]> each) {
        forEachRow(fullName, each);
    }

    private void forEachRow(String catalogName, Consumer<byte[]> each) {
        String table = connection.first("SELECT id, kind FROM catalog WHERE name = ?",
                row -> Catalog.Kind.valueOf(row.getString(2)).prefix + row.getLong(1), catalogName);
        if (table == null) {
            return;
        }
        long after = 0;
        while (true) {
            List<SqliteCollection.Row> rows = new ArrayList<>(512);
            connection.forEach("SELECT pos, doc FROM " + table + " WHERE pos > ? ORDER BY pos LIMIT 512",
                    row -> rows.add(new SqliteCollection.Row(row.getLong(1), row.getBytes(2))), after);
            rows.forEach(r -> each.accept(r.bytes()));
            if (rows.size() < 512) {
                return;
            }
            after = rows.get(rows.size() - 1).position();
        }
    }

    @Override
    public void close() {
        try {
            connection.execute("COMMIT");
        } catch (StoreFailure ignored) {
            // a read-only transaction: nothing to keep
        }
        connection.close();
    }
}
