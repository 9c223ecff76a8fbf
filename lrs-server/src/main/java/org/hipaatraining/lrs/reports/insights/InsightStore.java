package org.hipaatraining.lrs.reports.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The knowledge-check insights, kept up to date as statements arrive so a page view reads a few hundred counters
 * instead of the statements:
 * <ul>
 *   <li>{@code insight_items}: per module, version, role, month and item: answers, first tries and how many were
 *       right, each choice's count, and answers by people whose attempt passed or failed (for discrimination);</li>
 *   <li>{@code insight_objectives}: per role, month, module, version and objective: first tries and misses;</li>
 *   <li>{@code insight_lessons}: per module, version, role, month and lesson: views and a histogram of seconds;</li>
 *   <li>{@code insight_attempts}, {@code insight_learners}, {@code insight_sessions}: what the counting needs to
 *       remember (an attempt's answers until its result, the items a learner has seen, a session's last statement),
 *       and which statements were counted already, so a replayed batch counts nothing twice.</li>
 * </ul>
 */
@Repository
class InsightStore implements DeclaresIndexes {

    static final String ITEMS = "insight_items";
    static final String OBJECTIVES = "insight_objectives";
    static final String LESSONS = "insight_lessons";
    static final String ATTEMPTS = "insight_attempts";
    static final String LEARNERS = "insight_learners";
    static final String SESSIONS = "insight_sessions";

    private final MongoTemplate mongo;

    InsightStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Creates the collections before the first batch, instead of by the first upserts, which concurrent requests send
     * at once: the embedded store failed a first write racing another's creation of the same collection ("no such
     * table"), found by the reports benchmark.
     */
    @jakarta.annotation.PostConstruct
    void createCollections() {
        for (String name : List.of(ITEMS, OBJECTIVES, LESSONS, ATTEMPTS, LEARNERS, SESSIONS)) {
            try {
                if (!mongo.collectionExists(name)) {
                    mongo.createCollection(name);
                }
            } catch (org.springframework.dao.DataAccessException | com.mongodb.MongoException e) {
                // another instance created it meanwhile
            }
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        Document moduleView = new Document("module", 1).append("version", 1).append("role", 1).append("month", 1);
        return List.of(
                // a module version's items or lessons, for one role (or all: "*"), over a range of months
                IndexDeclaration.of(ITEMS, moduleView),
                IndexDeclaration.of(LESSONS, new Document(moduleView)),
                // the objectives people miss, every role, over a range of months
                IndexDeclaration.of(OBJECTIVES, new Document("month", 1).append("role", 1)));
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    /**
     * Records an answer in its attempt, once: false when this statement was counted before (a replay), so the caller
     * counts nothing. The attempt keeps each item's correctness until the attempt's result names who passed.
     */
    boolean recordAnswer(String attemptKey, String statementId, String item, boolean correct) {
        try {
            collection(ATTEMPTS).updateOne(new Document("_id", attemptKey).append("counted", new Document("$ne", statementId)),
                    Updates.combine(Updates.push("counted", statementId), Updates.set("answers." + item, correct)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // the attempt exists and has counted this statement: the filter missed, the upsert collided
            }
            throw e;
        }
    }

    /** Sets an attempt's result once and returns its answers (item: correct), or null when it was set before. */
    Map<String, Object> recordResult(String attemptKey, boolean passed) {
        Document attempt = collection(ATTEMPTS).findOneAndUpdate(
                new Document("_id", attemptKey).append("passed", new Document("$exists", false)), Updates.set("passed", passed),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return attempt == null ? null : attempt.get("answers", Document.class);
    }

    /** Notes that a learner has answered an item; true when it is their first answer to it (in this module version). */
    boolean firstAnswer(String learnerKey, String item) {
        Document before = collection(LEARNERS).findOneAndUpdate(Filters.eq("_id", learnerKey), Updates.addToSet("items", item),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null || !before.getList("items", String.class, List.of()).contains(item);
    }

    /** Moves a session's clock to {@code at} (never back) and returns where it was, or null for a new session. */
    Instant advanceSession(String sessionKey, Instant at) {
        Document before = collection(SESSIONS).findOneAndUpdate(Filters.eq("_id", sessionKey), Updates.max("lastAt", Date.from(at)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null || before.getDate("lastAt") == null ? null : before.getDate("lastAt").toInstant();
    }

    /** Adds counts to counters by _id, creating them with their identifying fields. */
    void increment(String collection, Map<String, Counter> counters) {
        if (counters.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(counters.size());
        counters.forEach((id, counter) -> {
            List<Bson> updates = new ArrayList<>();
            counter.keys().forEach((field, value) -> updates.add(Updates.setOnInsert(field, value)));
            counter.counts().forEach((field, n) -> updates.add(Updates.inc(field, n)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true)));
        });
        collection(collection).bulkWrite(writes);
    }

    /** Identifying fields (set once) and counts to add. */
    record Counter(Map<String, Object> keys, Map<String, Integer> counts) {
    }

    List<Document> moduleCounters(String collection, String module, String version, String role, String fromMonth, String toMonth) {
        return collection(collection).find(new Document("module", module).append("version", version).append("role", role)
                        .append("month", new Document("$gte", fromMonth).append("$lte", toMonth)))
                .into(new ArrayList<>());
    }

    List<Document> objectiveCounters(String fromMonth, String toMonth) {
        return collection(OBJECTIVES).find(new Document("month", new Document("$gte", fromMonth).append("$lte", toMonth)))
                .into(new ArrayList<>());
    }
}
