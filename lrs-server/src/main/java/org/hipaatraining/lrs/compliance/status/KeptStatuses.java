package org.hipaatraining.lrs.compliance.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code person_statuses} collection: one {@link KeptStatus} per person. Every list reads it in pages of a
 * declared index ({@link #page}, {@link #overdue}, {@link #stalled}), never the roster and every event.
 */
@Repository
class KeptStatuses implements DeclaresIndexes {

    static final String STATUSES = "person_statuses";
    /** One document counting the writes to {@link #STATUSES}: cached counts are current while it stays the same. */
    static final String CHANGES = "person_statuses_changes";
    /**
     * One entry per counted write, numbered by the count: whose statuses it wrote. An instance's cached counts catch up
     * by re-reading only those people; a missing entry (a write still counting itself, or pruned) means a full recount.
     */
    static final String LOG = "person_statuses_log";
    /** Entries kept in {@link #LOG}: an instance further behind than this recounts everyone instead. */
    static final long LOG_KEPT = 5_000;

    private final MongoTemplate mongo;

    KeptStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(
                IndexDeclaration.of(STATUSES, sorted(new Document())),
                IndexDeclaration.of(STATUSES, sorted(new Document("roles", 1))),
                IndexDeclaration.of(STATUSES, sorted(new Document("statuses.state", 1))),
                IndexDeclaration.of(STATUSES, sorted(new Document("supervisorKey", 1))),
                IndexDeclaration.of(STATUSES, sorted(new Document("locationKey", 1))),
                IndexDeclaration.of(STATUSES, new Document("format", 1)),
                IndexDeclaration.of(STATUSES, sorted(new Document("personStatus", 1))),
                IndexDeclaration.of(STATUSES, sorted(new Document(KeptStatus.SEARCH, 1))),
                IndexDeclaration.of(STATUSES, new Document("overdueSince", 1).append("_id", 1)),
                IndexDeclaration.of(STATUSES, new Document("stalledSince", 1).append("_id", 1)),
                IndexDeclaration.of(STATUSES, new Document("nextChange", 1)));
    }

    private static Document sorted(Document prefix) {
        return prefix.append(KeptStatus.SORT, 1).append("_id", 1);
    }

    private MongoCollection<Document> statuses() {
        return mongo.getCollection(STATUSES);
    }

    /**
     * Keeps statuses unless the person already has statuses of a newer version (another instance was quicker with
     * later input), or of the same version for a later day.
     */
    void keep(Collection<KeptStatus> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(kept.size());
        for (KeptStatus k : kept) {
            Document notNewer = new Document("_id", k.personId()).append("$or", List.of(
                    new Document("version", new Document("$lt", k.version())),
                    new Document("version", k.version()).append("computedOn", new Document("$lte", k.computedOn().toString()))));
            writes.add(new ReplaceOneModel<>(notNewer, k.toDocument(),
                    new ReplaceOptions().upsert(true)));
        }
        try {
            statuses().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a duplicate key means a newer document is there: nothing to do
                }
            }
        } finally {
            changed(kept.stream().map(KeptStatus::personId).toList());
        }
    }

    void forget(Collection<String> personIds) {
        if (!personIds.isEmpty()) {
            try {
                statuses().deleteMany(Filters.in("_id", personIds));
            } finally {
                changed(personIds);
            }
        }
    }

    /**
     * Counts a write of these people's statuses, after it is done (or failed part way), and logs whose they were under
     * that count: counts read after reading the count include it.
     */
    void changed(Collection<String> personIds) {
        long n = count(1);
        mongo.getCollection(LOG).insertOne(new Document("_id", n).append("people", List.copyOf(personIds)));
        if (n % 1_000 == 0) {
            mongo.getCollection(LOG).deleteMany(Filters.lte("_id", n - LOG_KEPT));
        }
    }

    /**
     * Counts a change whose people are unknown (at start-up, for a write that a crash cut off before its count): with
     * no log entry under it, every instance's cached counts are recounted in full.
     */
    void changed() {
        count(1);
    }

    private long count(long by) {
        Document counter = mongo.getCollection(CHANGES).findOneAndUpdate(Filters.eq("_id", "all"), Updates.inc("n", by),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("n", Number.class).longValue();
    }

    /**
     * Whose statuses the writes counted after {@code after} up to {@code upTo} wrote, or empty when the log cannot say
     * (an entry is missing: its write is still counting itself, a crash cut it off, or it was pruned).
     */
    Optional<Set<String>> changedBetween(long after, long upTo) {
        Set<String> people = new HashSet<>();
        long entries = 0;
        for (Document entry : mongo.getCollection(LOG).find(new Document("_id", new Document("$gt", after).append("$lte", upTo)))) {
            entries++;
            people.addAll(entry.getList("people", String.class));
        }
        return entries == upTo - after ? Optional.of(people) : Optional.empty();
    }

    /** How many writes the kept statuses have had: the same number, the same statuses. */
    long changes() {
        Document counter = mongo.getCollection(CHANGES).find(Filters.eq("_id", "all")).first();
        return counter == null ? 0 : counter.get("n", Number.class).longValue();
    }

    Optional<KeptStatus> find(String personId) {
        return Optional.ofNullable(statuses().find(Filters.eq("_id", personId)).first()).map(KeptStatus::from);
    }

    List<KeptStatus> findAll(Collection<String> personIds) {
        return personIds.isEmpty() ? List.of() : read(statuses().find(Filters.in("_id", personIds)));
    }

    long count() {
        return statuses().estimatedDocumentCount();
    }

    /** Whether some kept statuses are in another stored form than {@link KeptStatus#FORMAT} (older ones lack the field). */
    boolean anyOfAnotherFormat() {
        return statuses().countDocuments(Filters.eq("format", KeptStatus.FORMAT)) < count();
    }

    /** People whose statuses change by time alone on or before {@code day}. */
    List<String> changingBy(LocalDate day, int limit) {
        List<String> ids = new ArrayList<>();
        statuses().find(Filters.lte("nextChange", day.toString())).sort(Sorts.ascending("nextChange")).limit(limit)
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** One page of people in name order, after {@code after} (null: the first page); {@code limit + 1} to see if more follow. */
    List<KeptStatus> page(PeopleQuery query, PeopleQuery.Position after, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (query.role() != null) {
            filters.add(Filters.eq("roles", query.role()));
        }
        if (query.state() != null) {
            filters.add(Filters.eq("statuses.state", query.state().name()));
        }
        if (query.supervisor() != null) {
            filters.add(Filters.eq("supervisorKey", KeptStatus.sortKey(query.supervisor())));
        }
        if (query.location() != null) {
            filters.add(Filters.eq("locationKey", KeptStatus.sortKey(query.location())));
        }
        if (query.personStatus() != null) {
            filters.add(Filters.eq("personStatus", query.personStatus().name()));
        }
        if (query.search() != null) {
            filters.add(Filters.regex(KeptStatus.SEARCH, "^" + literal(KeptStatus.sortKey(query.search()))));
        }
        if (after != null) {
            filters.add(Filters.or(Filters.gt(KeptStatus.SORT, after.sortKey()),
                    Filters.and(Filters.eq(KeptStatus.SORT, after.sortKey()), Filters.gt("_id", after.personId()))));
        }
        return read(statuses().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending(KeptStatus.SORT, "_id")).limit(limit));
    }

    /** People with overdue requirements (not on leave), longest overdue first. */
    List<KeptStatus> overdue(String afterDue, String afterId, int limit) {
        Bson filter = afterDue == null ? Filters.gte("overdueSince", "")
                : Filters.or(Filters.gt("overdueSince", afterDue),
                Filters.and(Filters.eq("overdueSince", afterDue), Filters.gt("_id", afterId)));
        return read(statuses().find(filter).sort(Sorts.ascending("overdueSince", "_id")).limit(limit));
    }

    /** What each of these people adds to the overview's counts (nothing for people without kept statuses). */
    Map<String, OverviewShare> shares(Collection<String> personIds) {
        Map<String, OverviewShare> shares = new HashMap<>();
        if (!personIds.isEmpty()) {
            statuses().find(Filters.in("_id", personIds)).projection(Projections.include("personStatus", "statuses"))
                    .forEach(d -> shares.put(d.getString("_id"), OverviewShare.of(d)));
        }
        return shares;
    }

    /** What everyone adds to the overview's counts, from one cursor. */
    void forEachShare(BiConsumer<String, OverviewShare> each) {
        statuses().find().projection(Projections.include("personStatus", "statuses")).sort(Sorts.ascending(KeptStatus.SORT, "_id"))
                .batchSize(500).forEach(d -> each.accept(d.getString("_id"), OverviewShare.of(d)));
    }

    /** People with work in progress untouched since before {@code idleSince}, longest idle first. */
    List<KeptStatus> stalled(Instant idleSince, Instant afterActivity, String afterId, int limit) {
        Bson filter = afterActivity == null ? Filters.lt("stalledSince", Date.from(idleSince))
                : Filters.and(Filters.lt("stalledSince", Date.from(idleSince)),
                Filters.or(Filters.gt("stalledSince", Date.from(afterActivity)),
                        Filters.and(Filters.eq("stalledSince", Date.from(afterActivity)), Filters.gt("_id", afterId))));
        return read(statuses().find(filter).sort(Sorts.ascending("stalledSince", "_id")).limit(limit));
    }

    /** Every person's statuses in name order, one at a time from a cursor: exports and counts of any size. */
    void forEach(Consumer<KeptStatus> each) {
        for (Document d : statuses().find().sort(Sorts.ascending(KeptStatus.SORT, "_id")).batchSize(200)) {
            each.accept(KeptStatus.from(d));
        }
    }

    /** A regular expression matching the text itself: every character that is not a letter or digit escaped. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static List<KeptStatus> read(Iterable<Document> documents) {
        List<KeptStatus> found = new ArrayList<>();
        documents.forEach(d -> found.add(KeptStatus.from(d)));
        return found;
    }
}
