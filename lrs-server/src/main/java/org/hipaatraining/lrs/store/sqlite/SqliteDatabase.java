package org.hipaatraining.lrs.store.sqlite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.PackageBridge;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * A MongoDB database whose collections and indexes are SQLite tables. It answers {@code find} itself, so that a
 * result is handed out in batches read on demand ({@link ResumableCursor}) instead of all at once.
 */
final class SqliteDatabase extends AbstractSynchronizedMongoDatabase<Long> {

    /** The first batch of a find without a batch size, as MongoDB does. */
    private static final int FIRST_BATCH = 101;

    private final SqliteFile file;
    private final Catalog catalog;
    private final Map<String, SqliteCollection> opened = new ConcurrentHashMap<>();
    private final Map<Long, ResumableCursor> cursors;

    SqliteDatabase(String name, CursorRegistry cursorRegistry, SqliteFile file, Catalog catalog,
                   Map<Long, ResumableCursor> cursors) {
        super(name, cursorRegistry);
        this.file = file;
        this.catalog = catalog;
        this.cursors = cursors;
        initializeNamespacesAndIndexes();
        file.onRollback(this::forgetIndexesWithoutTables);
    }

    private String tableName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "$" + indexName;
    }

    @Override
    protected MongoCollection<Long> openOrCreateCollection(String collectionName, CollectionOptions options) {
        SqliteCollection collection = new SqliteCollection(this, collectionName, options, cursorRegistry, file, catalog);
        opened.put(collectionName, collection);
        return collection;
    }

    @Override
    protected Index<Long> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        IndexTable table = new IndexTable(file, catalog, tableName(collectionName, indexName), Catalog.Kind.UNIQUE_INDEX, keys);
        return new SqliteUniqueIndex(table, indexName, keys, sparse);
    }

    @Override
    protected Index<Long> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        IndexTable table = new IndexTable(file, catalog, tableName(collectionName, indexName), Catalog.Kind.INDEX, keys);
        return new SqliteSecondaryIndex(table, indexName, keys, sparse);
    }

    @Override
    public void moveCollection(de.bwaldvogel.mongo.MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String from = collection.getFullName();
        String to = getFullCollectionNamespace(newCollectionName);
        for (String name : catalog.namesStartingWith(from + "$")) {
            catalog.rename(name, to + name.substring(from.length()));
        }
        catalog.rename(from, to);
        for (var index : collection.getIndexes()) {
            if (index instanceof ScannableIndex scannable) {
                scannable.table().renamed(to + "$" + scannable.getName());
            }
        }
        super.moveCollection(oldDatabase, collection, newCollectionName);
        if (oldDatabase instanceof SqliteDatabase old) {
            old.opened.remove(collection.getCollectionName());
        }
        opened.put(newCollectionName, (SqliteCollection) collection);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        opened.remove(collectionName);
    }

    @Override
    protected long getStorageSize() {
        return file.path().toFile().length();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    /**
     * After a write command is rolled back, an index it created exists in memory but its table is gone; kept, it would
     * answer queries with only the documents written since. It is forgotten (queries scan instead) until the indexes
     * are declared again, which the LRS does at every start.
     */
    private void forgetIndexesWithoutTables() {
        for (SqliteCollection collection : opened.values()) {
            if (catalog.find(collection.getFullName()) == null) {
                continue; // no rows: an empty index is complete
            }
            collection.getIndexes().removeIf(index -> index instanceof ScannableIndex s && !s.getName().equals("_id_")
                    && catalog.find(tableName(collection.getCollectionName(), s.getName())) == null);
        }
    }

    /**
     * Collections whose rows exist but that the database does not list (created by a command rolled back after
     * later writes re-created their tables), listed again so that no stored document becomes invisible.
     */
    void registerOrphanedCollections() {
        String prefix = getDatabaseName() + ".";
        for (String name : catalog.namesStartingWith(prefix)) {
            String collectionName = name.substring(prefix.length());
            if (!collectionName.contains("$") && !collectionName.startsWith("system.")
                    && resolveCollection(collectionName, false) == null) {
                resolveOrCreateCollection(collectionName);
            }
        }
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("find")) {
            return find(query);
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    private Document find(Document command) {
        String collectionName = String.valueOf(command.get("find"));
        String namespace = getFullCollectionNamespace(collectionName);
        MongoCollection<Long> found = resolveCollection(collectionName, false);
        if (!(found instanceof SqliteCollection collection)) {
            return PackageBridge.firstBatch(namespace, List.of(), 0);
        }
        Document filter = (Document) command.getOrDefault("filter", new Document());
        Document sort = (Document) command.get("sort");
        Document projection = (Document) command.get("projection");
        int skip = number(command, "skip");
        int limit = number(command, "limit");
        int batchSize = number(command, "batchSize");
        boolean singleBatch = Boolean.TRUE.equals(command.get("singleBatch")) || limit < 0;
        limit = Math.abs(limit);

        Iterator<PlanScan.Hit> results = collection.results(filter, sort, skip, limit, projection);
        int first = batchSize > 0 ? batchSize : singleBatch ? Integer.MAX_VALUE : FIRST_BATCH;
        List<Document> batch = ResumableCursor.take(results, first);
        long cursorId = 0;
        if (!singleBatch && results.hasNext()) {
            ResumableCursor cursor = new ResumableCursor(cursorRegistry.generateCursorId(), results);
            cursorRegistry.add(cursor);
            cursors.put(cursor.getId(), cursor);
            cursorId = cursor.getId();
        }
        return PackageBridge.firstBatch(namespace, new ArrayList<>(batch), cursorId);
    }

    private static int number(Document command, String field) {
        Object value = command.get(field);
        return value instanceof Number n ? (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, n.longValue())) : 0;
    }
}
