package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code records_outbox} collection: one small document per statement batch, written before the batch is stored
 * and removed once the batch is applied to the compliance records. What is left names exactly the statements the
 * records may be missing (an instance stopped, or its update failed), so the catch-up never re-reads the statements
 * collection as a whole. One round trip per batch, whatever its size, and no write to the statements themselves: the
 * removals of applied batches are gathered and sent together a few times a second (a batch whose removal was lost
 * with its instance is applied once more by the catch-up, which is harmless).
 */
@Repository
class RecordsOutbox implements DeclaresIndexes {

    static final String OUTBOX = "records_outbox";

    private final MongoTemplate mongo;
    private static final Logger log = LoggerFactory.getLogger(RecordsOutbox.class);

    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;

    RecordsOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Batch(String id, List<String> statementIds, Instant at) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(OUTBOX, new Document("at", 1)));
    }

    private MongoCollection<Document> outbox() {
        return mongo.getCollection(OUTBOX);
    }

    void open(String batchId, Collection<String> statementIds, Instant at) {
        outbox().insertOne(new Document("_id", batchId).append("statements", List.copyOf(statementIds))
                .append("at", Date.from(at)));
    }

    /** Removes the batch with the next {@link #flush()}. */
    void close(String batchId) {
        applied.add(batchId);
    }

    void closeNow(String batchId) {
        outbox().deleteOne(Filters.eq("_id", batchId));
    }

    @Scheduled(fixedDelayString = "${lrs.compliance.outbox-flush-interval:200ms}")
    @PreDestroy
    void flush() {
        if (applied.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(applied);
        try {
            outbox().deleteMany(Filters.in("_id", ids));
            ids.forEach(applied::remove);
            failing = false;
        } catch (RuntimeException e) {
            // kept for the next flush; said once, not five times a second while the database is away
            if (!failing) {
                log.warn("Records outbox: {} applied batches not yet removed, will retry: {}", ids.size(), e.toString());
            }
            failing = true;
        }
    }

    /** The oldest batches opened before {@code before}. */
    List<Batch> openedBefore(Instant before, int limit) {
        List<Batch> batches = new ArrayList<>();
        for (Document d : outbox().find(Filters.lt("at", Date.from(before))).sort(Sorts.ascending("at")).limit(limit)) {
            batches.add(new Batch(d.getString("_id"), d.getList("statements", String.class), d.getDate("at").toInstant()));
        }
        return batches;
    }
}
