package org.hipaatraining.lrs.staffimport;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code staff_import_uploads} collection: a staff file between its upload and its import, so the mapping and
 * preview pages work on any server instance. An upload is removed when imported, and any left after a day.
 */
@Repository
class StaffUploads implements DeclaresIndexes {

    static final String COLLECTION = "staff_import_uploads";
    /** A staff list of a few thousand rows is well under a megabyte; a workbook with styles a few. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final Duration KEPT = Duration.ofDays(1);

    record Upload(String id, String fileName, byte[] content, String uploadedBy) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    StaffUploads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // removing uploads older than a day
        return List.of(IndexDeclaration.of(COLLECTION, new Document("uploadedAt", 1)));
    }

    String add(String fileName, byte[] content, String uploadedBy) {
        mongo.getCollection(COLLECTION).deleteMany(new Document("uploadedAt",
                new Document("$lt", Date.from(clock.instant().minus(KEPT)))));
        String id = UUID.randomUUID().toString();
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", id).append("fileName", fileName)
                .append("content", new Binary(content)).append("uploadedBy", uploadedBy)
                .append("uploadedAt", Date.from(clock.instant())));
        return id;
    }

    Optional<Upload> find(String id) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(new Upload(id, d.getString("fileName"),
                d.get("content", Binary.class).getData(), d.getString("uploadedBy")));
    }

    void remove(String id) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", id));
    }
}
