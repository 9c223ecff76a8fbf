package org.hipaatraining.lrs.store.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The SQLite table of one index: rows of (encoded key, document position), ordered by key. Shared by unique and
 * secondary indexes; the query planner scans it through {@link #scan}.
 */
final class IndexTable {

    /** An index entry read by a scan. */
    record Entry(byte[] key, long position) {
    }

    private final SqliteFile file;
    private final Catalog catalog;
    /** Follows the collection when it is renamed (a rebuild's collection put in place of the old one). */
    private volatile String catalogName;
    private final Catalog.Kind kind;
    private final List<String> fields;
    private final List<Boolean> ascending;

    IndexTable(SqliteFile file, Catalog catalog, String catalogName, Catalog.Kind kind, List<IndexKey> keys) {
        this.file = file;
        this.catalog = catalog;
        this.catalogName = catalogName;
        this.kind = kind;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.ascending = keys.stream().map(IndexKey::isAscending).toList();
    }

    void renamed(String newCatalogName) {
        this.catalogName = newCatalogName;
    }

    List<String> fields() {
        return fields;
    }

    List<Boolean> ascending() {
        return ascending;
    }

    boolean unique() {
        return kind == Catalog.Kind.UNIQUE_INDEX;
    }

    /** Whether some document has put several entries in this index (an array in an indexed field). */
    boolean multikey() {
        Catalog.Table table = catalog.find(catalogName);
        return table != null && table.multikey();
    }

    byte[] encode(KeyValue keyValue) {
        List<Object> values = new ArrayList<>(keyValue.size());
        keyValue.forEach(values::add);
        return KeyEncoder.key(values, ascending);
    }

    Set<byte[]> encodeAll(Set<KeyValue> keyValues) {
        Set<byte[]> keys = new LinkedHashSet<>();
        keyValues.forEach(k -> keys.add(encode(k)));
        return keys;
    }

    /** Records that a document has several entries here: scans must then skip repeats of a document. */
    void markMultikey() {
        catalog.ensure(catalogName, kind);
        catalog.markMultikey(catalogName);
    }

    private String table() {
        return catalog.ensure(catalogName, kind).name();
    }

    private String tableOrNull() {
        Catalog.Table table = catalog.find(catalogName);
        return table == null ? null : table.name();
    }

    /** Adds an entry; false when a unique index already has the key. */
    boolean insert(byte[] key, long position) {
        String sql = "INSERT OR IGNORE INTO " + table() + " (k, pos) VALUES (?, ?)";
        return file.current().update(sql, key, position) == 1;
    }

    void delete(byte[] key, long position) {
        String table = tableOrNull();
        if (table != null) {
            file.current().update("DELETE FROM " + table + " WHERE k = ? AND pos = ?", key, position);
        }
    }

    /** Removes a unique key; returns the position it pointed at, or null. */
    Long deleteKey(byte[] key) {
        Long position = lookup(key);
        if (position != null) {
            file.current().update("DELETE FROM " + tableOrNull() + " WHERE k = ?", new Object[]{key});
        }
        return position;
    }

    /** The position of a unique key, or null. */
    Long lookup(byte[] key) {
        String table = tableOrNull();
        if (table == null) {
            return null;
        }
        return file.current().first("SELECT pos FROM " + table + " WHERE k = ?", row -> row.getLong(1), new Object[]{key});
    }

    long count() {
        String table = tableOrNull();
        return table == null ? 0 : file.current().first("SELECT count(*) FROM " + table, row -> row.getLong(1));
    }

    boolean isEmpty() {
        String table = tableOrNull();
        return table == null || file.current().first("SELECT 1 FROM " + table + " LIMIT 1", row -> 1) == null;
    }

    /**
     * Up to {@code limit} entries with {@code from <= key < to} (either end may be null: open) in key order, or in
     * reverse key order, continuing after {@code after} (null: from the start of the range).
     */
    List<Entry> scan(byte[] from, byte[] to, boolean reverse, Entry after, int limit) {
        String table = tableOrNull();
        List<Entry> entries = new ArrayList<>(Math.min(limit, 512));
        if (table == null) {
            return entries;
        }
        List<Object> args = new ArrayList<>(4);
        String sql = scanSql(table, from, to, reverse, after, limit, args);
        file.current().forEach(sql, row -> entries.add(new Entry(row.getBytes(1), row.getLong(2))), args.toArray());
        return entries;
    }

    /**
     * The SQL of one chunk of {@link #scan}, its arguments added to {@code args}. A continuation starts at the entry
     * after {@code after}, which lies inside the range, so the range's bound on that side is left out: given both,
     * SQLite seeks by the range's bound and filters out every entry before {@code after} again, and each chunk cost
     * all the chunks before it (an export of 1,000,000 statements slowed from 17,000 to 3,900 a second as it went).
     */
    static String scanSql(String table, byte[] from, byte[] to, boolean reverse, Entry after, int limit, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT k, pos FROM ").append(table).append(" WHERE 1");
        if (from != null && (after == null || reverse)) {
            sql.append(" AND k >= ?");
            args.add(from);
        }
        if (to != null && (after == null || !reverse)) {
            sql.append(" AND k < ?");
            args.add(to);
        }
        if (after != null) {
            sql.append(reverse ? " AND (k, pos) < (?, ?)" : " AND (k, pos) > (?, ?)");
            args.add(after.key());
            args.add(after.position());
        }
        sql.append(reverse ? " ORDER BY k DESC, pos DESC" : " ORDER BY k, pos").append(" LIMIT ").append(limit);
        return sql.toString();
    }

    void drop() {
        catalog.drop(catalogName);
    }
}
