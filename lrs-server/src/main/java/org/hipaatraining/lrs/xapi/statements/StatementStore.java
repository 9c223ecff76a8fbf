package org.hipaatraining.lrs.xapi.statements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code statements} and {@code attachments} collections.
 * <p>
 * A statement is stored as the JSON text the LRS will return ({@code json}), so extension keys with '.' or '$'
 * survive and {@code format=exact} is byte-for-byte what was stored, beside the derived, indexed fields queries use:
 * {@code stored}, {@code facets} (see {@link StatementFacets}), {@code authority}, {@code voided}. Every query this class
 * issues is an equality on {@code _id} or matches a declared index (checked by IndexCoverageTest).
 */
@Repository
public class StatementStore implements DeclaresIndexes {

    static final String STATEMENTS = "statements";
    static final String ATTACHMENTS = "attachments";

    private final MongoTemplate mongo;

    StatementStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        List<IndexDeclaration> indexes = new ArrayList<>();
        indexes.add(IndexDeclaration.of(STATEMENTS, sortedBy(new Document())));
        for (String facet : List.of("agents", "relatedAgents", "verb", "activity", "relatedActivities", "registration")) {
            indexes.add(IndexDeclaration.of(STATEMENTS, sortedBy(new Document(StatementFacets.FIELD + "." + facet, 1))));
        }
        indexes.add(IndexDeclaration.of(STATEMENTS, sortedBy(new Document("authority", 1))));
        // the statement explorer's "voided only": a handful among millions, found without a scan
        indexes.add(IndexDeclaration.of(STATEMENTS, sortedBy(new Document("voided", 1))));
        return indexes;
    }

    private static Document sortedBy(Document prefix) {
        return prefix.append("stored", -1).append("_id", -1);
    }

    private MongoCollection<Document> statements() {
        return mongo.getCollection(STATEMENTS);
    }

    private MongoCollection<Document> attachments() {
        return mongo.getCollection(ATTACHMENTS);
    }

    /**
     * Inserts statements, skipping ids that are already stored, and returns those ids. Any other write error is
     * rethrown as it is: the batch is in the statement log, which stores it once the store can write again.
     */
    Set<String> insertNew(List<Document> documents) {
        try {
            statements().insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<String> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(documents.get(error.getIndex()).getString("_id"));
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            return duplicates;
        }
    }

    /** Removes what one batch inserted among {@code ids}, leaving statements other batches stored under them. */
    void deleteOfBatch(List<String> ids, String batchId) {
        if (!ids.isEmpty()) {
            statements().deleteMany(Filters.and(Filters.in("_id", ids), Filters.eq("batch", batchId)));
        }
    }

    /** The stored JSON and the batch that stored it, of each statement among {@code ids} that is stored. */
    Map<String, Document> findJsonAndBatch(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        Bson filter = ids.size() == 1 ? Filters.eq("_id", ids.iterator().next()) : Filters.in("_id", ids);
        statements().find(filter).projection(Projections.include("json", "batch"))
                .forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    /** The stored JSON of each statement among {@code ids} that is stored. */
    Map<String, String> findJson(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        statements().find(Filters.in("_id", ids)).projection(Projections.include("json"))
                .forEach(d -> found.put(d.getString("_id"), d.getString("json")));
        return found;
    }

    /** The void target and facets of each stored statement among {@code ids}. */
    Map<String, Document> findSummaries(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Bson filter = ids.size() == 1 ? Filters.eq("_id", ids.iterator().next()) : Filters.in("_id", ids);
        statements().find(filter)
                .projection(Projections.include("voidTarget", StatementFacets.FIELD))
                .forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    Document findById(String id) {
        return statements().find(Filters.eq("_id", id)).first();
    }

    void markVoided(Collection<String> targetIds) {
        if (!targetIds.isEmpty()) {
            statements().updateMany(Filters.in("_id", targetIds), Updates.set("voided", true));
        }
    }

    List<Document> query(Document filter, Document sort, int limit) {
        List<Document> page = new ArrayList<>(Math.min(limit, 1024));
        statements().find(filter).sort(sort).limit(limit)
                .projection(Projections.include("json", "stored", "attachments"))
                .into(page);
        return page;
    }

    // ---- the typed read side for other features (StoredStatements)

    private static final Bson STORED_VIEW = Projections.include("json", "stored", "voided", "voidTarget", StatementFacets.FIELD);
    private static final Bson NEWEST_FIRST = com.mongodb.client.model.Sorts.descending("stored", "_id");

    List<StoredStatement> storedAfter(java.time.Instant after, String afterId, int limit) {
        java.util.Date since = java.util.Date.from(after);
        Bson filter = afterId == null ? Filters.gte("stored", since)
                : Filters.or(Filters.gt("stored", since), Filters.and(Filters.eq("stored", since), Filters.gt("_id", afterId)));
        List<StoredStatement> page = new ArrayList<>(Math.min(limit, 1024));
        statements().find(filter).sort(com.mongodb.client.model.Sorts.ascending("stored", "_id")).limit(limit)
                .projection(STORED_VIEW).forEach(d -> page.add(StoredStatement.from(d)));
        return page;
    }

    List<StoredStatement> byIds(Collection<String> ids) {
        List<StoredStatement> found = new ArrayList<>();
        if (ids.isEmpty()) {
            return found;
        }
        statements().find(Filters.in("_id", ids)).projection(STORED_VIEW).forEach(d -> found.add(StoredStatement.from(d)));
        found.sort(java.util.Comparator.comparing(StoredStatement::stored).thenComparing(StoredStatement::id));
        return found;
    }

    List<StoredStatement> aboutActivity(String activityIri) {
        List<StoredStatement> found = new ArrayList<>();
        statements().find(Filters.eq(StatementFacets.FIELD + ".activity", activityIri))
                .sort(com.mongodb.client.model.Sorts.descending("stored", "_id")).projection(STORED_VIEW)
                .forEach(d -> found.add(StoredStatement.from(d)));
        java.util.Collections.reverse(found);
        return found;
    }

    /** Up to {@code limit} statements matching a report's filter, newest first. */
    List<StoredStatement> newestFirst(Document filter, int limit) {
        List<StoredStatement> page = new ArrayList<>(Math.min(limit, 1024));
        statements().find(filter).sort(NEWEST_FIRST).limit(limit).projection(STORED_VIEW)
                .forEach(d -> page.add(StoredStatement.from(d)));
        return page;
    }

    /**
     * Every statement matching a report's filter, newest first, handed over one at a time from a cursor that reads
     * {@code batch} documents per round trip: an export of any size holds one batch in memory.
     */
    void forEachNewestFirst(Document filter, int batch, java.util.function.Consumer<StoredStatement> each) {
        try (com.mongodb.client.MongoCursor<Document> cursor = statements().find(filter).sort(NEWEST_FIRST)
                .projection(STORED_VIEW).batchSize(batch).iterator()) {
            while (cursor.hasNext()) {
                each.accept(StoredStatement.from(cursor.next()));
            }
        }
    }

    /** The same, handing over only each statement's stored JSON text. */
    void forEachJsonNewestFirst(Document filter, int batch, java.util.function.Consumer<String> each) {
        try (com.mongodb.client.MongoCursor<Document> cursor = statements().find(filter).sort(NEWEST_FIRST)
                .projection(Projections.include("json")).batchSize(batch).iterator()) {
            while (cursor.hasNext()) {
                each.accept(cursor.next().getString("json"));
            }
        }
    }

    /** One statement by id, voided or not. */
    java.util.Optional<StoredStatement> storedById(String id) {
        return java.util.Optional.ofNullable(statements().find(Filters.eq("_id", id)).projection(STORED_VIEW).first())
                .map(StoredStatement::from);
    }

    // ---- attachments, content-addressed by SHA-2

    void saveAttachments(Map<String, AttachmentPart> parts) {
        for (AttachmentPart part : parts.values()) {
            attachments().replaceOne(Filters.eq("_id", part.sha2()),
                    new Document("_id", part.sha2()).append("contentType", part.contentType())
                            .append("length", part.content().length).append("content", new Binary(part.content())),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
    }

    Map<String, AttachmentPart> findAttachments(Collection<String> sha2s) {
        Map<String, AttachmentPart> found = new HashMap<>();
        if (sha2s.isEmpty()) {
            return found;
        }
        attachments().find(Filters.in("_id", sha2s)).forEach(d -> found.put(d.getString("_id"),
                new AttachmentPart(d.getString("_id"), d.getString("contentType"), d.get("content", Binary.class).getData())));
        return found;
    }
}
