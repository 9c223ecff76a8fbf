package org.hipaatraining.lrs.store.sqlite;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index (every collection's {@code _id}, and declared unique keys) in its own table. mongo-java-server's base
 * class does the uniqueness checks; queries go through {@link QueryPlanner}, never through {@link #getPositions}.
 */
final class SqliteUniqueIndex extends AbstractUniqueIndex<Long> implements ScannableIndex {

    private final IndexTable table;

    SqliteUniqueIndex(IndexTable table, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.table = table;
    }

    @Override
    public IndexTable table() {
        return table;
    }

    @Override
    public synchronized void add(Document document, Long position, MongoCollection<Long> collection) {
        if (getKeyValues(document).size() > 1) {
            table.markMultikey();
        }
        super.add(document, position, collection);
    }

    @Override
    protected Long removeDocument(KeyValue keyValue) {
        return table.deleteKey(table.encode(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Long position) {
        return table.insert(table.encode(keyValue), position);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Long>> getIterable() {
        throw new UnsupportedOperationException("the SQLite store plans its own queries");
    }

    @Override
    protected Long getPosition(KeyValue keyValue) {
        return table.lookup(table.encode(keyValue));
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
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
    public void drop() {
        table.drop();
    }
}
