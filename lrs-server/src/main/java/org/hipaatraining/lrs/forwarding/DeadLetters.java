package org.hipaatraining.lrs.forwarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code forwarding_dead_letters} collection: batches a target refused or could not take for longer than
 * {@code lrs.forwarding.dead-letter-after}, set aside so the target moves on. The items themselves stay where they
 * are (statements in the LRS, events in their log): a replay from {@code from} delivers them again.
 */
@Repository
class DeadLetters implements DeclaresIndexes {

    static final String DEAD_LETTERS = "forwarding_dead_letters";

    private final MongoTemplate mongo;

    DeadLetters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A batch set aside: its items' ids, where it began (replay from there), why; and when a replay from that time or
     * earlier sent it again ({@code resolvedAt}, null while unresolved).
     */
    public record DeadLetter(String targetId, Instant at, Instant from, List<String> ids, String lastError,
                             Instant resolvedAt) {

        DeadLetter(String targetId, Instant at, Instant from, List<String> ids, String lastError) {
            this(targetId, at, from, ids, lastError, null);
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(DEAD_LETTERS, new Document("targetId", 1).append("at", -1)),
                IndexDeclaration.of(DEAD_LETTERS, new Document("resolvedAt", 1))); // pruning resolved ones by age
    }

    private MongoCollection<Document> deadLetters() {
        return mongo.getCollection(DEAD_LETTERS);
    }

    void add(DeadLetter d) {
        deadLetters().insertOne(new Document("targetId", d.targetId()).append("at", Date.from(d.at()))
                .append("from", Date.from(d.from())).append("ids", d.ids()).append("lastError", d.lastError()));
    }

    List<DeadLetter> recent(String targetId, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        deadLetters().find(Filters.eq("targetId", targetId)).sort(Sorts.descending("at")).limit(limit)
                .forEach(d -> found.add(new DeadLetter(d.getString("targetId"), d.getDate("at").toInstant(),
                        d.getDate("from").toInstant(), d.getList("ids", String.class), d.getString("lastError"),
                        d.getDate("resolvedAt") == null ? null : d.getDate("resolvedAt").toInstant())));
        return found;
    }

    /** A replay from {@code from} sends again every dead letter that began then or later: they are resolved. */
    void resolve(String targetId, Instant from, Instant now) {
        // a plain filter document, not Filters.and's $and: its shape is served by the {targetId, at} index
        deadLetters().updateMany(new Document("targetId", targetId).append("from", new Document("$gte", Date.from(from)))
                .append("resolvedAt", null), com.mongodb.client.model.Updates.set("resolvedAt", Date.from(now)));
    }

    /** Removes dead letters resolved before {@code before}; unresolved ones stay, however old. */
    long prune(Instant before) {
        return deadLetters().deleteMany(Filters.lt("resolvedAt", Date.from(before))).getDeletedCount();
    }

    void forget(String targetId) {
        deadLetters().deleteMany(Filters.eq("targetId", targetId));
    }
}
