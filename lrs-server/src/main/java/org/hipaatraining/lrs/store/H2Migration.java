package org.hipaatraining.lrs.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.hipaatraining.lrs.store.sqlite.BsonBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the data of the earlier embedded store (mongo-java-server on H2's MVStore, {@code lrs.mv.db}) into the SQLite
 * store once, at the first start after an upgrade. The H2 file is read in-process, a document at a time, so a large
 * store needs no more memory than a small one; every collection is copied with its indexes, the counts are checked,
 * and the old file is kept, renamed, until an admin deletes it.
 */
final class H2Migration {

    static final String H2_FILE = "lrs.mv.db";
    private static final Logger log = LoggerFactory.getLogger(H2Migration.class);
    private static final int BATCH = 500;

    private H2Migration() {
    }

    /** Copies {@code dataDir/lrs.mv.db} into the store at {@code connectionString}, if there is one to copy. */
    static void migrateIfPresent(Path dataDir, String connectionString) {
        Path h2 = dataDir.resolve(H2_FILE);
        if (!Files.isRegularFile(h2)) {
            return;
        }
        log.warn("Found the earlier embedded store {}: copying it into the SQLite store", h2.toAbsolutePath());
        Map<String, String> failures = new LinkedHashMap<>();
        long copied = 0;
        H2Backend backend = new H2Backend(h2.toAbsolutePath().toString());
        try (MongoClient client = MongoClients.create(connectionString)) {
            String databaseName = new com.mongodb.ConnectionString(connectionString).getDatabase();
            MongoDatabase source = backend.resolveDatabase(databaseName);
            com.mongodb.client.MongoDatabase target = client.getDatabase(databaseName);
            for (String collectionName : collectionNames(source)) {
                try {
                    copied += copy(source, target, collectionName);
                } catch (RuntimeException e) {
                    failures.put(collectionName, e.toString());
                    log.error("Could not copy all of collection {} from the H2 store: {}", collectionName, e.toString());
                }
            }
        } finally {
            backend.close();
        }
        Path kept = dataDir.resolve(H2_FILE + ".migrated-" + LocalDate.now());
        try {
            Files.move(h2, kept);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Copied the H2 store but could not rename " + h2 + ": " + e.getMessage(), e);
        }
        if (failures.isEmpty()) {
            log.warn("Copied {} documents from the H2 store; the old file is kept as {} (delete it once you are satisfied)",
                    copied, kept.toAbsolutePath());
        } else {
            log.error("Copied {} documents from the H2 store, with errors in {}; the old file is kept as {}",
                    copied, failures.keySet(), kept.toAbsolutePath());
        }
    }

    private static List<String> collectionNames(MongoDatabase source) {
        List<String> names = new ArrayList<>();
        for (de.bwaldvogel.mongo.bson.Document ns : source.resolveCollection("system.namespaces", false).queryAll()) {
            String full = String.valueOf(ns.get("name"));
            names.add(full.substring(full.indexOf('.') + 1));
        }
        return names;
    }

    private static long copy(MongoDatabase source, com.mongodb.client.MongoDatabase target, String collectionName) {
        var from = source.resolveCollection(collectionName, false);
        if (from == null) {
            return 0;
        }
        MongoCollection<RawBsonDocument> to = target.getCollection(collectionName, RawBsonDocument.class);
        for (var index : from.getIndexes()) {
            var description = index.toIndexDescription();
            if (!"_id_".equals(description.get("name"))) {
                BsonDocument keys = new RawBsonDocument(BsonBytes.encode((de.bwaldvogel.mongo.bson.Document) description.get("key")));
                to.createIndex(keys, new IndexOptions().name((String) description.get("name"))
                        .unique(Boolean.TRUE.equals(description.get("unique"))));
            }
        }
        long count = 0;
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        var documents = from.queryAllAsStream().iterator();
        while (documents.hasNext()) {
            batch.add(new RawBsonDocument(BsonBytes.encode(documents.next())));
            if (batch.size() == BATCH) {
                count += insert(to, batch);
            }
        }
        count += insert(to, batch);
        long stored = to.countDocuments();
        if (stored < count) {
            throw new IllegalStateException(collectionName + ": read " + count + " documents but only " + stored + " are stored");
        }
        log.info("Copied {} documents of {}", count, collectionName);
        return count;
    }

    private static int insert(MongoCollection<RawBsonDocument> to, List<RawBsonDocument> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int size = batch.size();
        try {
            to.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            // a document copied by an earlier, interrupted run of this migration is already there
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
        }
        batch.clear();
        return size;
    }
}
