package org.hipaatraining.lrs.xapi.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code documents} collection, shared by the State, Activity Profile and Agent Profile resources. A document's
 * {@code _id} is a digest of its full key, so reading or writing one document is an equality on {@code _id}; the
 * {@code scope} (everything but the document id) serves listing and deleting all states of an activity and agent.
 * Conditional writes compare the ETag inside the same MongoDB operation, so concurrent writers on different server
 * instances cannot overwrite each other's changes. Filters are plain equality documents (not {@code $and}), which every
 * MongoDB-compatible server serves from the {@code _id} index.
 */
@Repository
class DocumentStore implements DeclaresIndexes {

    static final String DOCUMENTS = "documents";

    private final MongoTemplate mongo;

    DocumentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(DOCUMENTS, new Document("scope", 1).append("updated", 1)));
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(DOCUMENTS);
    }

    Optional<StoredDocument> find(DocumentKey key) {
        return Optional.ofNullable(documents().find(Filters.eq("_id", key.id())).first()).map(DocumentStore::from);
    }

    /** Ids (and last-modified time) of the documents in a scope updated after {@code since}. */
    List<StoredDocument> list(DocumentKey scope, Instant since) {
        Bson filter = Filters.eq("scope", scope.scope());
        if (since != null) {
            filter = new Document("scope", scope.scope()).append("updated", new Document("$gt", Date.from(since)));
        }
        List<StoredDocument> found = new ArrayList<>();
        documents().find(filter).sort(Sorts.ascending("updated"))
                .projection(Projections.include("docId", "updated", "etag", "contentType"))
                .forEach(d -> found.add(from(d)));
        return found;
    }

    /** Inserts a document that must not exist yet; false when it does (someone else created it first). */
    boolean insert(DocumentKey key, byte[] content, String contentType, Instant updated) {
        try {
            documents().insertOne(toDocument(key, content, contentType, updated));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the document only if its ETag is still {@code expectedEtag}; false when it changed meanwhile. */
    boolean replaceIf(DocumentKey key, String expectedEtag, byte[] content, String contentType, Instant updated) {
        return documents().replaceOne(new Document("_id", key.id()).append("etag", expectedEtag),
                toDocument(key, content, contentType, updated)).getMatchedCount() == 1;
    }

    void upsert(DocumentKey key, byte[] content, String contentType, Instant updated) {
        documents().replaceOne(Filters.eq("_id", key.id()), toDocument(key, content, contentType, updated),
                new ReplaceOptions().upsert(true));
    }

    boolean deleteIf(DocumentKey key, String expectedEtag) {
        Bson filter = expectedEtag == null ? Filters.eq("_id", key.id())
                : new Document("_id", key.id()).append("etag", expectedEtag);
        return documents().deleteOne(filter).getDeletedCount() == 1;
    }

    void deleteScope(DocumentKey scope) {
        documents().deleteMany(Filters.eq("scope", scope.scope()));
    }

    private static Document toDocument(DocumentKey key, byte[] content, String contentType, Instant updated) {
        return new Document("_id", key.id())
                .append("scope", key.scope())
                .append("docId", key.documentId())
                .append("contentType", contentType)
                .append("content", new Binary(content))
                .append("etag", etag(content))
                .append("updated", Date.from(updated));
    }

    private static StoredDocument from(Document d) {
        Binary content = d.get("content", Binary.class);
        return new StoredDocument(d.getString("docId"), content == null ? null : content.getData(),
                d.getString("contentType"), d.getString("etag"), d.getDate("updated").toInstant());
    }

    /** The ETag of some content: the SHA-1 of its bytes as hex, as xAPI 1.0.3 describes. */
    static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
