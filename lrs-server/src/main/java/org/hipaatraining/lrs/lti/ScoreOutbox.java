package org.hipaatraining.lrs.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code lti_score_outbox} collection: every score the tool owes a platform, one document per platform, line item,
 * user and attempt (the statement that recorded the pass), unique, so a pass is queued once however often it is seen.
 * A score is sent by whichever instance claims it first, retried with growing pauses until the platform accepts it,
 * then kept as SENT.
 */
@Repository
class ScoreOutbox implements DeclaresIndexes {

    static final String OUTBOX = "lti_score_outbox";
    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    private final MongoTemplate mongo;

    ScoreOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A queued score: {@code score} is the JSON body to post. */
    record Entry(String id, String platformId, String lineItem, String userId, String statementId, String score,
                 String state, int attempts, Instant nextAttemptAt, String lastError) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(
                IndexDeclaration.unique(OUTBOX, new Document("platformId", 1).append("lineItem", 1).append("userId", 1)
                        .append("statementId", 1)),
                IndexDeclaration.of(OUTBOX, new Document("state", 1).append("nextAttemptAt", 1)));
    }

    /** Queues a score; false when this attempt is already queued (or sent). */
    boolean enqueue(String platformId, String lineItem, String userId, String statementId, String personId, String score,
                    Instant now) {
        try {
            mongo.getCollection(OUTBOX).insertOne(new Document("_id", id(platformId, lineItem, userId, statementId))
                    .append("platformId", platformId).append("lineItem", lineItem).append("userId", userId)
                    .append("statementId", statementId).append("personId", personId).append("score", score)
                    .append("state", PENDING).append("attempts", 0).append("nextAttemptAt", Date.from(now))
                    .append("createdAt", Date.from(now)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Scores waiting to be sent whose time has come, oldest first. Plain documents: one equality-led query shape. */
    List<Entry> due(Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        mongo.getCollection(OUTBOX).find(new Document("state", PENDING)
                        .append("nextAttemptAt", new Document("$lte", Date.from(now))))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit).forEach(d -> due.add(entry(d)));
        return due;
    }

    /** Takes a due score for this instance for {@code lease}; empty when another instance took it first. */
    Optional<Entry> claim(String id, Instant now, Duration lease) {
        Document d = mongo.getCollection(OUTBOX).findOneAndUpdate(
                new Document("_id", id).append("state", PENDING).append("nextAttemptAt", new Document("$lte", Date.from(now))),
                Updates.set("nextAttemptAt", Date.from(now.plus(lease))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(ScoreOutbox::entry);
    }

    void sent(String id, int status, Instant now) {
        mongo.getCollection(OUTBOX).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", SENT),
                Updates.set("sentAt", Date.from(now)), Updates.set("status", status), Updates.inc("attempts", 1)));
    }

    void failed(String id, String error, Instant retryAt) {
        mongo.getCollection(OUTBOX).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lastError", error),
                Updates.set("nextAttemptAt", Date.from(retryAt)), Updates.inc("attempts", 1)));
    }

    /** Scores not yet accepted, for the admin page. */
    List<Entry> pending(int limit) {
        List<Entry> pending = new ArrayList<>();
        mongo.getCollection(OUTBOX).find(Filters.eq("state", PENDING)).sort(Sorts.ascending("nextAttemptAt")).limit(limit)
                .forEach(d -> pending.add(entry(d)));
        return pending;
    }

    private static Entry entry(Document d) {
        return new Entry(d.getString("_id"), d.getString("platformId"), d.getString("lineItem"), d.getString("userId"),
                d.getString("statementId"), d.getString("score"), d.getString("state"), d.getInteger("attempts", 0),
                d.getDate("nextAttemptAt").toInstant(), d.getString("lastError"));
    }

    static String id(String platformId, String lineItem, String userId, String statementId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", platformId, lineItem, userId,
                    statementId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
