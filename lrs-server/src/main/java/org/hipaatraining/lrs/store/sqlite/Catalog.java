package org.hipaatraining.lrs.store.sqlite;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of collections and indexes mapped to the SQLite tables that hold them ({@code c7}, {@code u8}, {@code x9}),
 * kept in the {@code catalog} table so that names may contain any character and a renamed collection keeps its table.
 * <p>
 * The cache holds committed knowledge only: readers run on snapshots beside the writer, so a table the running write
 * command creates, drops or renames is known to that command alone ({@link #pending}, {@link #stale}) until it commits.
 * A reader that saw an uncommitted table would ask its snapshot for a table that is not there ("no such table"), and
 * one that cached a table a command then dropped would keep asking for it. Readers therefore never fill the cache.
 */
final class Catalog {

    /** What a table holds, and the DDL that creates it. */
    enum Kind {
        COLLECTION("c", "(pos INTEGER PRIMARY KEY AUTOINCREMENT, doc BLOB NOT NULL)"),
        UNIQUE_INDEX("u", "(k BLOB PRIMARY KEY, pos INTEGER NOT NULL) WITHOUT ROWID"),
        INDEX("x", "(k BLOB NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (k, pos)) WITHOUT ROWID");

        final String prefix;
        final String columns;

        Kind(String prefix, String columns) {
            this.prefix = prefix;
            this.columns = columns;
        }
    }

    /** A table of the catalog: its SQL name, and whether an index has seen a document with several keys. */
    record Table(String name, boolean multikey) {
    }

    private final SqliteFile file;
    private final Map<String, Table> cache = new ConcurrentHashMap<>();
    /** Tables the running write command created or changed: only the writer thread touches these two. */
    private final Map<String, Table> pending = new HashMap<>();
    /** Names the running write command dropped or renamed: their cached tables are no longer to be trusted. */
    private final Set<String> stale = new HashSet<>();

    Catalog(SqliteFile file) {
        this.file = file;
        file.write(() -> {
            file.current().execute("CREATE TABLE IF NOT EXISTS catalog (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    + "name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, multikey INTEGER NOT NULL DEFAULT 0)");
            return null;
        });
        file.onRollback(() -> {
            pending.clear();
            stale.clear();
        });
        file.onCommit(new SqliteFile.CommitListener() {
            @Override
            public void beforeCommit() {
                stale.forEach(cache::remove);
                pending.keySet().forEach(cache::remove);
            }

            @Override
            public void afterCommit() {
                cache.putAll(pending);
                pending.clear();
                stale.clear();
            }
        });
    }

    /** The table of {@code name}, or null when it has none (never written, or dropped). */
    Table find(String name) {
        boolean writing = file.inWrite();
        if (writing && pending.containsKey(name)) {
            return pending.get(name);
        }
        if (!writing || !stale.contains(name)) {
            Table cached = cache.get(name);
            if (cached != null) {
                return cached;
            }
        }
        Table found = file.current().first("SELECT id, kind, multikey FROM catalog WHERE name = ?",
                row -> new Table(Kind.valueOf(row.getString(2)).prefix + row.getLong(1), row.getInt(3) != 0), name);
        if (found != null && writing) {
            pending.put(name, found); // what the writer sees, committed or its own: published at its commit
        }
        return found;
    }

    /** The table of {@code name}, created in the running write command if it has none. */
    Table ensure(String name, Kind kind) {
        Table table = find(name);
        if (table != null) {
            return table;
        }
        SqlConnection sql = file.current();
        long id = sql.insert("INSERT INTO catalog (name, kind) VALUES (?, ?)", name, kind.name());
        Table created = new Table(kind.prefix + id, false);
        sql.execute("CREATE TABLE IF NOT EXISTS " + created.name() + " " + kind.columns);
        pending.put(name, created);
        return created;
    }

    void markMultikey(String name) {
        Table table = find(name);
        if (table != null && !table.multikey()) {
            file.current().update("UPDATE catalog SET multikey = 1 WHERE name = ?", name);
            pending.put(name, new Table(table.name(), true));
        }
    }

    void drop(String name) {
        Table table = find(name);
        if (table != null) {
            SqlConnection sql = file.current();
            sql.execute("DROP TABLE IF EXISTS " + table.name());
            sql.update("DELETE FROM catalog WHERE name = ?", name);
            sql.forgetStatements();
        }
        pending.remove(name);
        stale.add(name);
    }

    void rename(String from, String to) {
        file.current().update("UPDATE catalog SET name = ? WHERE name = ?", to, from);
        pending.remove(from);
        pending.remove(to);
        stale.add(from);
        stale.add(to);
    }

    /** Every name starting with {@code prefix}, e.g. a collection's indexes. */
    java.util.List<String> namesStartingWith(String prefix) {
        java.util.List<String> names = new java.util.ArrayList<>();
        file.current().forEach("SELECT name FROM catalog WHERE substr(name, 1, ?) = ?",
                row -> names.add(row.getString(1)), prefix.length(), prefix);
        return names;
    }
}
