package org.hipaatraining.lrs.forwarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code forwarding_deliveries} collection: each target's recent tries (batches and tests), with the receiver's
 * answer, for the admin page. Only the newest {@code lrs.forwarding.deliveries-kept} per target are kept.
 */
@Repository
class DeliveryLog implements DeclaresIndexes {

    static final String DELIVERIES = "forwarding_deliveries";

    private final MongoTemplate mongo;

    DeliveryLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One try.
     *
     * @param kind    "batch", "test" or "dead-letter"
     * @param status  the receiver's HTTP status, or 0 when there was no answer (refused, timed out)
     * @param firstId the first item of the batch, lastId the last
     */
    public record Delivery(String targetId, Instant at, String kind, int count, String firstId, String lastId, int status,
                           String error, long millis) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(DELIVERIES, new Document("targetId", 1).append("at", -1)),
                IndexDeclaration.of(DELIVERIES, new Document("at", 1))); // pruning tries by age, every target at once
    }

    private MongoCollection<Document> deliveries() {
        return mongo.getCollection(DELIVERIES);
    }

    void record(Delivery d) {
        Document doc = new Document("targetId", d.targetId()).append("at", Date.from(d.at())).append("kind", d.kind())
                .append("count", d.count()).append("firstId", d.firstId()).append("lastId", d.lastId())
                .append("status", d.status()).append("millis", d.millis());
        if (d.error() != null) {
            doc.append("error", d.error());
        }
        deliveries().insertOne(doc);
    }

    List<Delivery> recent(String targetId, int limit) {
        List<Delivery> found = new ArrayList<>();
        deliveries().find(Filters.eq("targetId", targetId)).sort(Sorts.descending("at")).limit(limit)
                .forEach(d -> found.add(new Delivery(d.getString("targetId"), d.getDate("at").toInstant(), d.getString("kind"),
                        d.getInteger("count", 0), d.getString("firstId"), d.getString("lastId"), d.getInteger("status", 0),
                        d.getString("error"), d.get("millis", Number.class).longValue())));
        return found;
    }

    /** Forgets all but the newest {@code keep} tries of a target. */
    void prune(String targetId, int keep) {
        Document oldestKept = deliveries().find(Filters.eq("targetId", targetId)).sort(Sorts.descending("at"))
                .skip(keep - 1).limit(1).projection(Projections.include("at")).first();
        if (oldestKept != null) {
            deliveries().deleteMany(Filters.and(Filters.eq("targetId", targetId), Filters.lt("at", oldestKept.getDate("at"))));
        }
    }

    /** Removes every try older than {@code before}, of every target. */
    long prune(Instant before) {
        return deliveries().deleteMany(Filters.lt("at", Date.from(before))).getDeletedCount();
    }

    void forget(String targetId) {
        deliveries().deleteMany(Filters.eq("targetId", targetId));
    }
}
