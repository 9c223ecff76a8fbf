package org.hipaatraining.lrs.reports.insights;

import java.time.Duration;
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
    /** Per counted statement, what it added (to take it away when the statement is voided); voided statements. */
    static final String COUNTED = "insight_counted";
    /**
     * The format the counters are in ({@link KnowledgeCheckProjector#FORMAT}) and which of the two {@link #SETS} holds
     * the counters in use; not rebuilt.
     */
    static final String META = "insight_meta";
    /** Every collection a rebuild recreates. */
    static final List<String> REBUILT = List.of(ITEMS, OBJECTIVES, LESSONS, ATTEMPTS, LEARNERS, SESSIONS, COUNTED);
    /**
     * The two sets of counter collections, by suffix: one in use, the other free for a rebuild to fill. A finished
     * rebuild is put in place by one write (the set in use, in {@link #META}), so a crash at any point leaves either
     * the old counts or the new ones, never some collections of each.
     */
    static final List<String> SETS = List.of("", "_b");
    /** How long an instance goes on with the set it last read before reading which is in use again. */
    static final Duration IN_USE_CHECK = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    /** The set a rebuild fills; null for the counters in use, whichever set holds them. */
    private final String rebuilding;
    private volatile InUse inUse;

    private record InUse(String suffix, long readAtNanos) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    InsightStore(MongoTemplate mongo) {
        this(mongo, null);
    }

    private InsightStore(MongoTemplate mongo, String rebuilding) {
        this.mongo = mongo;
        this.rebuilding = rebuilding;
    }

    /**
     * Creates the collections before the first batch, instead of by the first upserts, which concurrent requests send
     * at once: the embedded store failed a first write racing another's creation of the same collection ("no such
     * table"), found by the reports benchmark.
     */
    @jakarta.annotation.PostConstruct
    void createCollections() {
        for (String name : List.of(ITEMS, OBJECTIVES, LESSONS, ATTEMPTS, LEARNERS, SESSIONS, COUNTED, META)) {
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
        List<IndexDeclaration> indexes = new ArrayList<>();
        SETS.forEach(set -> indexes.addAll(indexes(set)));
        return indexes;
    }

    private static List<IndexDeclaration> indexes(String suffix) {
        List<IndexDeclaration> indexes = new ArrayList<>();
        for (String period : List.of("month", "day")) {
            Document moduleView = new Document("module", 1).append("version", 1).append("role", 1).append(period, 1);
            // a module version's items or lessons, for one role (or all: "*"), over a range of months or days
            indexes.add(IndexDeclaration.of(ITEMS + suffix, moduleView));
            indexes.add(IndexDeclaration.of(LESSONS + suffix, new Document(moduleView)));
            // the objectives people miss, every role, over a range of months or days
            indexes.add(IndexDeclaration.of(OBJECTIVES + suffix, new Document(period, 1).append("role", 1)));
        }
        return indexes;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name + suffix());
    }

    /** The set this store reads and writes: a rebuild's own, or the one in use (read again at most every second). */
    private String suffix() {
        if (rebuilding != null) {
            return rebuilding;
        }
        InUse known = inUse;
        if (known == null || System.nanoTime() - known.readAtNanos() > IN_USE_CHECK.toNanos()) {
            known = new InUse(readInUse(), System.nanoTime());
            inUse = known;
        }
        return known.suffix();
    }

    private String readInUse() {
        Document meta = mongo.getCollection(META).find(Filters.eq("_id", "format")).first();
        return meta == null ? "" : meta.get("in", "");
    }

    /** The set not in use, emptied, with the counters' indexes, for a rebuild to fill: a store that writes to it. */
    InsightStore startRebuild() {
        String spare = SETS.get(SETS.get(0).equals(readInUse()) ? 1 : 0);
        drop(spare); // what a rebuild cut short, or the set the last rebuild replaced, left
        for (String name : REBUILT) {
            mongo.createCollection(name + spare);
        }
        for (IndexDeclaration index : indexes(spare)) {
            mongo.getCollection(index.collection()).createIndex(index.keys(),
                    new com.mongodb.client.model.IndexOptions().name(index.name()));
        }
        return new InsightStore(mongo, spare);
    }

    /**
     * Puts a finished rebuild in use with one write (its set and the counters' format), then, once every instance has
     * read which set is in use again, drops the replaced set. Returns when instances count into the new set only.
     */
    void finishRebuild(InsightStore building, int format) throws InterruptedException {
        String replaced = readInUse();
        mongo.getCollection(META).updateOne(Filters.eq("_id", "format"),
                Updates.combine(Updates.set("version", format), Updates.set("in", building.rebuilding)),
                new UpdateOptions().upsert(true));
        inUse = new InUse(building.rebuilding, System.nanoTime());
        Thread.sleep(IN_USE_CHECK.multipliedBy(2).toMillis() + 500); // other instances may write to the old set until then
        drop(replaced);
    }

    private void drop(String set) {
        for (String name : REBUILT) {
            if (mongo.collectionExists(name + set)) { // a drop of none logs an error on the embedded store
                mongo.getCollection(name + set).drop();
            }
        }
    }

    /**
     * Claims the rebuild for {@code owner} until {@code now + lease}, or renews its claim: false while another
     * instance holds an unexpired claim (two rebuilds would fill and switch the same spare set).
     */
    boolean claimRebuild(String owner, Instant now, Duration lease) {
        try {
            return mongo.getCollection(META).findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "rebuild"), Filters.or(Filters.eq("owner", owner), Filters.lt("until", Date.from(now)))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", Date.from(now.plus(lease)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)) != null;
        } catch (com.mongodb.MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // held by another instance: the upsert found no claim it may take
            }
            throw e;
        }
    }

    void releaseRebuild(String owner) {
        mongo.getCollection(META).deleteOne(Filters.and(Filters.eq("_id", "rebuild"), Filters.eq("owner", owner)));
    }

    /** The counters' format, null when none was recorded (before formats were). */
    Integer format() {
        Document meta = mongo.getCollection(META).find(Filters.eq("_id", "format")).first();
        return meta == null ? null : meta.getInteger("version");
    }

    /** Records the counters' format, leaving the set in use as it is (at start-up, when there is nothing to recount). */
    void setFormat(int version) {
        mongo.getCollection(META).updateOne(Filters.eq("_id", "format"), Updates.set("version", version),
                new UpdateOptions().upsert(true));
    }

    /** Every document of a counter collection, by _id: a test compares a rebuild with the incremental counts. */
    List<Document> all(String name) {
        return collection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** What one counted statement added to one counter, to be taken away if the statement is voided. */
    record Part(String collection, String counterId, Map<String, Integer> counts) {
    }

    /**
     * Remembers what counted statements added, by statement and part (an answer: "answer"; a result: one part per
     * item, so voiding one answer takes back its item's share of the result), with the attempt an answer belongs to.
     */
    void recordContributions(Map<String, Contribution> contributions) {
        if (contributions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(contributions.size());
        contributions.forEach((statementId, c) -> {
            List<Bson> updates = new ArrayList<>();
            if (c.attempt() != null) {
                updates.add(Updates.set("attempt", c.attempt()));
            }
            if (c.item() != null) {
                updates.add(Updates.set("item", c.item()));
            }
            c.parts().forEach((part, list) -> {
                List<Document> docs = new ArrayList<>();
                for (Part p : list) {
                    List<Document> counts = new ArrayList<>();
                    p.counts().forEach((field, n) -> counts.add(new Document("k", field).append("n", n)));
                    docs.add(new Document("c", p.collection()).append("id", p.counterId()).append("f", counts));
                }
                updates.add(Updates.set("parts." + part, docs));
            });
            writes.add(new UpdateOneModel<>(Filters.eq("_id", statementId), Updates.combine(updates),
                    new UpdateOptions().upsert(true)));
        });
        collection(COUNTED).bulkWrite(writes);
    }

    /** A counted statement's parts, and for an answer its attempt and item. */
    record Contribution(String attempt, String item, Map<String, List<Part>> parts) {
    }

    /**
     * Marks a statement voided (whether or not it was counted, so a replay that meets it after its voiding statement
     * skips it) and returns what it was before: its contribution, or null.
     */
    Document markVoided(String statementId) {
        return collection(COUNTED).findOneAndUpdate(Filters.eq("_id", statementId), Updates.set("voided", true),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    }

    /** Whether a statement's voiding statement was seen already (a rebuild meets them in stored order). */
    boolean isVoided(String statementId) {
        Document d = collection(COUNTED).find(Filters.eq("_id", statementId)).first();
        return d != null && Boolean.TRUE.equals(d.getBoolean("voided"));
    }

    /**
     * Takes back one part of a statement's counts, once: removes the part and subtracts it from its counters. False
     * when it was taken back before (or never counted).
     */
    boolean uncount(String statementId, String part) {
        Document before = collection(COUNTED).findOneAndUpdate(
                Filters.and(Filters.eq("_id", statementId), Filters.exists("parts." + part)), Updates.unset("parts." + part),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return false;
        }
        Document parts = before.get("parts", Document.class);
        List<Document> list = parts == null ? null : parts.getList(part, Document.class);
        if (list == null) {
            return false;
        }
        Map<String, List<WriteModel<Document>>> byCollection = new java.util.LinkedHashMap<>();
        for (Document p : list) {
            List<Bson> incs = new ArrayList<>();
            for (Document f : p.getList("f", Document.class)) {
                incs.add(Updates.inc(f.getString("k"), -((Number) f.get("n")).intValue()));
            }
            byCollection.computeIfAbsent(p.getString("c"), k -> new ArrayList<>())
                    .add(new UpdateOneModel<>(Filters.eq("_id", p.getString("id")), Updates.combine(incs)));
        }
        byCollection.forEach((name, writes) -> collection(name).bulkWrite(writes));
        return true;
    }

    /**
     * Forgets an item's answer in its attempt, so the attempt's result (if it comes later) does not count it; returns
     * the id of the attempt's result statement when the result was counted already, else null.
     */
    String forgetAnswer(String attemptKey, String item) {
        Document attempt = collection(ATTEMPTS).findOneAndUpdate(Filters.eq("_id", attemptKey),
                Updates.unset("answers." + item), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return attempt == null ? null : attempt.getString("resultStatement");
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
    Map<String, Object> recordResult(String attemptKey, boolean passed, String statementId) {
        Document attempt = collection(ATTEMPTS).findOneAndUpdate(
                new Document("_id", attemptKey).append("passed", new Document("$exists", false)),
                Updates.combine(Updates.set("passed", passed), Updates.set("resultStatement", statementId)),
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

    /** A module version's counters for a role, from month (or day) {@code from} to {@code to}; period: month or day. */
    List<Document> moduleCounters(String collection, String module, String version, String role, String period,
                                  String from, String to) {
        return collection(collection).find(new Document("module", module).append("version", version).append("role", role)
                        .append(period, new Document("$gte", from).append("$lte", to)))
                .into(new ArrayList<>());
    }

    List<Document> objectiveCounters(String period, String from, String to) {
        return collection(OBJECTIVES).find(new Document(period, new Document("$gte", from).append("$lte", to)))
                .into(new ArrayList<>());
    }
}
