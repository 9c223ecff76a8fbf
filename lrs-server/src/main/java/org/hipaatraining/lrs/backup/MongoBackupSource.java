package org.hipaatraining.lrs.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * A MongoDB database read through the driver, one collection after another. Statements never change once stored and
 * every training record can be rebuilt from them, so a copy taken during ingest is consistent up to the records of
 * the last few statements; for a point-in-time copy of a replica set, use mongodump --oplog or Atlas backups.
 */
final class MongoBackupSource implements BackupSource {

    private final MongoClient client;
    private final MongoDatabase database;
    private final boolean ownsClient;

    MongoBackupSource(MongoClient client, String database, boolean ownsClient) {
        this.client = client;
        this.database = client.getDatabase(database);
        this.ownsClient = ownsClient;
    }

    @Override
    public String describe() {
        return "MongoDB database " + database.getName();
    }

    @Override
    public boolean pointInTime() {
        return false;
    }

    @Override
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        database.listCollectionNames().forEach(n -> {
            if (!n.startsWith("system.")) {
                names.add(n);
            }
        });
        names.sort(null);
        return names;
    }

    @Override
    public List<Document> indexes(String collection) {
        List<Document> indexes = new ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> {
            index.remove("ns");
            indexes.add(index);
        });
        return indexes;
    }

    @Override
    public void forEachDocument(String collection, Consumer<byte[]> each) {
        database.getCollection(collection, RawBsonDocument.class).find().sort(new Document("_id", 1)).batchSize(500)
                .forEach(d -> {
                    var buffer = d.getByteBuffer();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    each.accept(bytes);
                });
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
