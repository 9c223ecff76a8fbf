package org.hipaatraining.lrs.cmi5;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code cmi5_content} collection: the files of imported cmi5 packages, served to learners' browsers under
 * {@code /cmi5/content/{courseId}/...}. A file is stored in parts of at most {@link #PART_SIZE} bytes (MongoDB documents
 * are limited to 16 MB), each part a document whose {@code _id} is {@code {contentKey}/{path}#{n}}, so reading is a
 * chain of equality lookups on {@code _id}. A content key names one import of a course: a re-upload is written under a
 * new key and the course switches to it in one update, so learners never see half of each.
 */
@Repository
class ContentStore implements DeclaresIndexes {

    static final String CONTENT = "cmi5_content";
    static final int PART_SIZE = 4 * 1024 * 1024;

    private final MongoTemplate mongo;

    ContentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(CONTENT, new Document("contentKey", 1)));
    }

    private MongoCollection<Document> content() {
        return mongo.getCollection(CONTENT);
    }

    /** A stored file: its size and a stream that reads its parts one at a time. */
    record Entry(long size, InputStream stream) {
    }

    void put(String contentKey, String path, InputStream data) {
        try {
            int part = 0;
            long size = 0;
            byte[] bytes;
            do {
                bytes = data.readNBytes(PART_SIZE);
                size += bytes.length;
                Document d = new Document("_id", partId(contentKey, path, part)).append("contentKey", contentKey)
                        .append("data", new Binary(bytes));
                if (part == 0) {
                    d.append("path", path);
                }
                content().replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
                part++;
            } while (bytes.length == PART_SIZE);
            content().updateOne(Filters.eq("_id", partId(contentKey, path, 0)),
                    new Document("$set", new Document("parts", part).append("size", size)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the package: " + e.getMessage(), e);
        }
    }

    Optional<Entry> get(String contentKey, String path) {
        Document first = content().find(Filters.eq("_id", partId(contentKey, path, 0))).first();
        if (first == null || first.getInteger("parts") == null) {
            return Optional.empty();
        }
        int parts = first.getInteger("parts");
        long size = ((Number) first.get("size")).longValue();
        Enumeration<InputStream> streams = new Enumeration<>() {
            private int next = 0;

            @Override
            public boolean hasMoreElements() {
                return next < parts;
            }

            @Override
            public InputStream nextElement() {
                Document d = next == 0 ? first : content().find(Filters.eq("_id", partId(contentKey, path, next))).first();
                next++;
                return new ByteArrayInputStream(d == null ? new byte[0] : d.get("data", Binary.class).getData());
            }
        };
        return Optional.of(new Entry(size, new SequenceInputStream(streams)));
    }

    void delete(String contentKey) {
        content().deleteMany(Filters.eq("contentKey", contentKey));
    }

    private static String partId(String contentKey, String path, int part) {
        return contentKey + "/" + path + "#" + part;
    }
}
