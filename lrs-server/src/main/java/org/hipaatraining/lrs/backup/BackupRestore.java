package org.hipaatraining.lrs.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Loads a checked backup into a store (the embedded one, or MongoDB through its URI: the way to move a practice from
 * the embedded store to MongoDB). Indexes first, then the documents as they were backed up, byte for byte; then
 * the counts are compared. A collection that already holds documents is only replaced when asked to.
 */
final class BackupRestore {

    private static final int BATCH = 500;

    private BackupRestore() {
    }

    /** Returns the documents restored per collection. */
    static Map<String, Long> restore(Path dir, MongoDatabase target, boolean replace) {
        BackupCheck.Result check = BackupCheck.verify(dir);
        if (!check.ok()) {
            throw new BackupException("The backup in " + dir + " is damaged, nothing was restored: " + String.join("; ", check.problems()));
        }
        Manifest manifest = check.manifest();
        for (String collection : manifest.collections().keySet()) {
            long existing = target.getCollection(collection).estimatedDocumentCount();
            if (existing > 0 && !replace) {
                throw new BackupException("Collection " + collection + " already holds " + existing
                        + " documents; nothing was restored (restore --replace drops what is there first)");
            }
        }
        Map<String, Long> restored = new LinkedHashMap<>();
        for (String collection : manifest.collections().keySet()) {
            if (replace) {
                target.getCollection(collection).drop();
            }
            Path folder = dir.resolve(manifest.database());
            createIndexes(target.getCollection(collection), folder.resolve(collection + ".metadata.json"));
            restored.put(collection, insert(target.getCollection(collection, RawBsonDocument.class), folder.resolve(collection + ".bson")));
            long expected = manifest.collections().get(collection).documents();
            long stored = target.getCollection(collection).countDocuments();
            if (stored != expected) {
                throw new BackupException(collection + ": " + stored + " documents after the restore, the backup has " + expected);
            }
        }
        return restored;
    }

    private static void createIndexes(MongoCollection<Document> collection, Path metadata) {
        try {
            Document parsed = Document.parse(Files.readString(metadata));
            for (Document index : parsed.getList("indexes", Document.class)) {
                if (!"_id_".equals(index.getString("name"))) {
                    collection.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name"))
                            .unique(Boolean.TRUE.equals(index.getBoolean("unique"))).sparse(Boolean.TRUE.equals(index.getBoolean("sparse"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long insert(MongoCollection<RawBsonDocument> collection, Path file) {
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        long[] count = {0};
        try {
            BackupCheck.read(file, BackupWriter.sha256(), bytes -> {
                batch.add(new RawBsonDocument(bytes));
                if (batch.size() == BATCH) {
                    count[0] += flush(collection, batch);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count[0] += flush(collection, batch);
        return count[0];
    }

    private static int flush(MongoCollection<RawBsonDocument> collection, List<RawBsonDocument> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int size = batch.size();
        collection.insertMany(batch, new InsertManyOptions().ordered(true));
        batch.clear();
        return size;
    }
}
