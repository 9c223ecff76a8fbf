package org.hipaatraining.lrs.store.sqlite;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.PackageBridge;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index: an entry per (key, document) in its own table, kept in step with every insert, update and
 * delete, so that the query planner can read a key range in order instead of scanning the collection (mongo-java-server's
 * own backends ignore such indexes). A document with an array in an indexed field has an entry per element.
 */
final class SqliteSecondaryIndex extends Index<Long> implements ScannableIndex {

    private final IndexTable table;

    SqliteSecondaryIndex(IndexTable table, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.table = table;
    }

    @Override
    public IndexTable table() {
        return table;
    }

    private Set<byte[]> keysOf(Document document) {
        if (isSparse() && table.fields().stream().noneMatch(f -> PackageBridge.hasValue(document, f))) {
            return Set.of();
        }
        return table.encodeAll(getKeyValues(document));
    }

    @Override
    public Long getPosition(Document document) {
        return null; // many documents share a key: positions come from the _id index
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Long> collection) {
        keysOf(document); // rejects parallel arrays before anything is written, as MongoDB does
    }

    @Override
    public void add(Document document, Long position, MongoCollection<Long> collection) {
        Set<byte[]> keys = keysOf(document);
        if (keys.size() > 1) {
            table.markMultikey();
        }
        for (byte[] key : keys) {
            table.insert(key, position);
        }
    }

    /** Removes a document's entries; {@link SqliteCollection} knows its position. */
    void remove(Document document, long position) {
        for (byte[] key : keysOf(document)) {
            table.delete(key, position);
        }
    }

    @Override
    public Long remove(Document document) {
        throw new UnsupportedOperationException("SqliteCollection removes secondary entries by position");
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Long> getPositions(Document query) {
        throw new UnsupportedOperationException("the SQLite store plans its own queries");
    }

    @Override
    public long getCount() {
        return table.count();
    }

    @Override
    public boolean isEmpty() {
        return table.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Long> collection) {
        keysOf(newDocument);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Long position, MongoCollection<Long> collection) {
        Set<byte[]> before = keysOf(oldDocument);
        Set<byte[]> after = keysOf(newDocument);
        if (sameKeys(before, after)) {
            return;
        }
        for (byte[] key : before) {
            table.delete(key, position);
        }
        if (after.size() > 1) {
            table.markMultikey();
        }
        for (byte[] key : after) {
            table.insert(key, position);
        }
    }

    private static boolean sameKeys(Set<byte[]> a, Set<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        outer:
        for (byte[] x : a) {
            for (byte[] y : b) {
                if (Arrays.equals(x, y)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    @Override
    public void drop() {
        table.drop();
    }
}
