package org.hipaatraining.lrs.xapi.statements;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The write-ahead log of statement batches ({@code statement_log}). A batch is written here, whole, in one document
 * (MongoDB writes a document atomically) before any of its statements is inserted; from then on it is durable, and
 * whatever happens next (a crash between two inserts, a lost instance, a consumer whose database was away) is
 * finished by replaying the entry: {@link StatementLogRecovery}. The entry is removed once the batch is stored, its
 * side effects applied and every {@link StatementsConsumer} has run; removals are sent together a few times a second.
 * <p>
 * An entry is leased to the instance that wrote it; another instance replays it only once the lease has run out, or
 * at once when the owner is known to be gone (same host, process ended). Replaying is idempotent, so a replay beside a
 * slow owner does no harm.
 */
@Repository
class StatementLog implements DeclaresIndexes {

    static final String LOG = "statement_log";
    /** An entry's documents above this many bytes (estimated) go into parts, to stay under MongoDB's 16 MB per document. */
    private static final int INLINE_BYTES = 8 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StatementLog.class);

    private final MongoTemplate mongo;
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;

    StatementLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A logged batch.
     *
     * @param documents     the statement documents, as they are inserted into the statements collection
     * @param voidTargets   statements the batch voids
     * @param definitions   activity definitions the batch contributes, as JSON (null: none)
     * @param launchSession the cmi5 launch session that wrote it, or null
     * @param parts         how many part documents hold the statement documents (0: inline)
     */
    record Entry(String id, Instant at, List<Document> documents, List<String> voidTargets, String definitions,
                 String launchSession, String owner, Instant leaseUntil, int parts) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(LOG, new Document("leaseUntil", 1)));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(LOG);
    }

    /** Writes the batch: once this returns, the batch will be stored whatever happens to this instance. */
    void open(Entry entry) {
        long bytes = entry.documents().stream().mapToLong(d -> 2L * d.getString("json").length() + 512).sum();
        List<Document> parts = new ArrayList<>();
        if (bytes > INLINE_BYTES) {
            List<Document> part = new ArrayList<>();
            long partBytes = 0;
            for (Document d : entry.documents()) {
                part.add(d);
                partBytes += 2L * d.getString("json").length() + 512;
                if (partBytes > INLINE_BYTES) {
                    parts.add(partDocument(entry.id(), parts.size(), part));
                    part = new ArrayList<>();
                    partBytes = 0;
                }
            }
            if (!part.isEmpty()) {
                parts.add(partDocument(entry.id(), parts.size(), part));
            }
            // the parts first: the head below is what makes the batch exist
            collection().insertMany(parts);
        }
        Document head = new Document("_id", entry.id()).append("at", Date.from(entry.at()))
                .append("owner", entry.owner()).append("leaseUntil", Date.from(entry.leaseUntil()))
                .append("voidTargets", entry.voidTargets()).append("parts", parts.size());
        if (parts.isEmpty()) {
            head.append("documents", entry.documents());
        }
        if (entry.definitions() != null) {
            head.append("definitions", entry.definitions());
        }
        if (entry.launchSession() != null) {
            head.append("launchSession", entry.launchSession());
        }
        collection().insertOne(head);
    }

    private static Document partDocument(String batchId, int index, List<Document> documents) {
        return new Document("_id", batchId + "/" + index).append("documents", documents);
    }

    /** The batch is done: removed with the next {@link #flush()}. */
    void finish(String batchId, int parts) {
        finished.add(batchId);
        for (int i = 0; i < parts; i++) {
            finished.add(batchId + "/" + i);
        }
    }

    /** Removes a batch at once (one refused for a conflict: nothing of it may be replayed). */
    void remove(String batchId, int parts) {
        List<String> ids = new ArrayList<>(List.of(batchId));
        for (int i = 0; i < parts; i++) {
            ids.add(batchId + "/" + i);
        }
        collection().deleteMany(Filters.in("_id", ids));
    }

    @Scheduled(fixedDelayString = "${lrs.statements.log-flush-interval:200ms}")
    @PreDestroy
    void flush() {
        if (finished.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(finished);
        try {
            collection().deleteMany(Filters.in("_id", ids));
            ids.forEach(finished::remove);
            failing = false;
        } catch (RuntimeException e) {
            // kept for the next flush: a finished batch left in the log is only replayed, harmlessly
            if (!failing) {
                log.warn("Statement log: {} finished batches not yet removed, will retry: {}", ids.size(), e.toString());
            }
            failing = true;
        }
    }

    /** Which of these batches are still in the log (not yet finished, or not yet removed). */
    Set<String> stillOpen(Collection<String> batchIds) {
        Set<String> open = ConcurrentHashMap.newKeySet();
        if (batchIds.isEmpty()) {
            return open;
        }
        collection().find(Filters.in("_id", batchIds)).projection(Projections.include("_id"))
                .forEach(d -> open.add(d.getString("_id")));
        open.removeAll(finished);
        return open;
    }

    /**
     * Takes the lease of the oldest entry whose lease ran out before {@code now}, or of the entry {@code batchId} when
     * given, whatever its lease (its owner is gone, or a client's retry found it half stored).
     */
    Optional<Entry> claim(String batchId, Instant now, String owner, Duration lease) {
        var filter = batchId != null ? Filters.eq("_id", batchId) : Filters.lt("leaseUntil", Date.from(now));
        if (batchId == null && !finished.isEmpty()) {
            // finished here but not yet removed: not to be replayed, and not to stop the search for others
            filter = Filters.and(filter, Filters.nin("_id", List.copyOf(finished)));
        }
        Document claimed = collection().findOneAndUpdate(filter,
                Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("leaseUntil")).returnDocument(ReturnDocument.AFTER));
        if (claimed == null || finished.contains(claimed.getString("_id"))) {
            return Optional.empty();
        }
        return Optional.of(entry(claimed));
    }

    /** Owners of entries whose lease has not run out: the recovery checks whether they are still alive. */
    List<Document> leased(Instant now, int limit) {
        List<Document> found = new ArrayList<>();
        collection().find(Filters.gte("leaseUntil", Date.from(now))).projection(Projections.include("owner", "parts"))
                .sort(Sorts.ascending("leaseUntil")).limit(limit).into(found);
        found.removeIf(d -> d.getString("_id").contains("/") || finished.contains(d.getString("_id")));
        return found;
    }

    /** Entries not finished, and the age of the oldest: what health reports. */
    StatementLogRecovery.Backlog backlog(Instant now) {
        long count = 0;
        Instant oldest = null;
        // the log is small (batches in flight): read its heads' times, not the statements
        for (Document d : collection().find(Filters.gte("leaseUntil", new Date(0))).projection(Projections.include("at"))) {
            count++;
            Instant at = d.getDate("at").toInstant();
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return new StatementLogRecovery.Backlog(count, oldest == null ? Duration.ZERO : Duration.between(oldest, now));
    }

    private Entry entry(Document head) {
        int parts = head.getInteger("parts", 0);
        List<Document> documents;
        if (parts == 0) {
            documents = head.getList("documents", Document.class);
        } else {
            documents = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                Document part = collection().find(Filters.eq("_id", head.getString("_id") + "/" + i)).first();
                if (part == null) {
                    throw new IllegalStateException("statement log: part " + i + " of batch " + head.getString("_id") + " is missing");
                }
                documents.addAll(part.getList("documents", Document.class));
            }
        }
        return new Entry(head.getString("_id"), head.getDate("at").toInstant(), documents,
                head.getList("voidTargets", String.class), head.getString("definitions"), head.getString("launchSession"),
                head.getString("owner"), head.getDate("leaseUntil").toInstant(), parts);
    }
}
