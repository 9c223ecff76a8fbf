package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code training_events} collection: statements as compliance events, one per statement id. */
@Repository
public class TrainingEventStore implements DeclaresIndexes {

    static final String EVENTS = "training_events";

    private final MongoTemplate mongo;

    TrainingEventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return indexesOf(EVENTS);
    }

    private static List<IndexDeclaration> indexesOf(String collection) {
        return List.of(
                // a person's records (by every identity they have), module by module, in time order
                IndexDeclaration.of(collection, new Document("agentKey", 1).append("moduleId", 1).append("timestamp", 1)),
                // a module's records across the practice, and the audit package for a date range
                IndexDeclaration.of(collection, new Document("moduleId", 1).append("timestamp", 1)),
                IndexDeclaration.of(collection, new Document("timestamp", 1)));
    }

    /** An empty collection, with the records' indexes, for a rebuild to fill; returns its name. */
    String startRebuild() {
        String building = EVENTS + "_rebuild";
        mongo.getCollection(building).drop();
        for (IndexDeclaration index : indexesOf(building)) {
            mongo.getCollection(building).createIndex(index.keys(), new com.mongodb.client.model.IndexOptions().name(index.name()));
        }
        return building;
    }

    /** Puts a finished rebuild in the records' place, in one step. */
    void finishRebuild(String building) {
        mongo.getCollection(building).renameCollection(
                new com.mongodb.MongoNamespace(mongo.getDb().getName(), EVENTS),
                new com.mongodb.client.model.RenameCollectionOptions().dropTarget(true));
    }

    public void saveAll(Collection<TrainingEvent> events) {
        saveAll(events, EVENTS);
    }

    /**
     * Writes events by statement id: replaying a statement rewrites the same event, never a second one. Nearly every
     * event is new, so they are inserted, and only those whose statement was applied before are replaced.
     */
    void saveAll(Collection<TrainingEvent> events, String collection) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> documents = events.stream().map(TrainingEventStore::document).toList();
        try {
            mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<ReplaceOneModel<Document>> replays = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document replayed = documents.get(error.getIndex());
                replays.add(new ReplaceOneModel<>(Filters.eq("_id", replayed.get("_id")), replayed,
                        new ReplaceOptions().upsert(true)));
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            mongo.getCollection(collection).bulkWrite(replays, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * The stored form, written by hand: Spring Data's reflective mapping cost a tenth of batch ingest's CPU. It writes
     * what Spring Data would (nulls left out, instants as dates, the enum by name), so reads map it back as usual.
     */
    static Document document(TrainingEvent e) {
        Document d = new Document("_id", e.statementId());
        put(d, "agentKey", e.agentKey());
        put(d, "actorName", e.actorName());
        put(d, "moduleId", e.moduleId());
        put(d, "moduleVersion", e.moduleVersion());
        d.append("versionInferred", e.versionInferred());
        put(d, "type", e.type() == null ? null : e.type().name());
        d.append("satisfies", e.satisfies());
        put(d, "scaled", e.scaled());
        put(d, "timestamp", e.timestamp() == null ? null : Date.from(e.timestamp()));
        put(d, "stored", e.stored() == null ? null : Date.from(e.stored()));
        put(d, "source", e.source());
        put(d, "registration", e.registration());
        put(d, "policyId", e.policyId());
        put(d, "policyVersion", e.policyVersion());
        put(d, "rule", e.rule());
        put(d, "activityIri", e.activityIri());
        put(d, "policySha256", e.policySha256());
        put(d, "policySections", e.policySections());
        return d;
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    /** The agents whose events these are (before they are deleted: their statuses change). */
    Set<String> agentsOf(Collection<String> statementIds, String collection) {
        Set<String> agents = new java.util.HashSet<>();
        if (!statementIds.isEmpty()) {
            mongo.getCollection(collection).find(Filters.in("_id", statementIds))
                    .projection(com.mongodb.client.model.Projections.include("agentKey"))
                    .forEach(d -> agents.add(d.getString("agentKey")));
        }
        return agents;
    }

    public void deleteAll(Collection<String> statementIds) {
        deleteAll(statementIds, EVENTS);
    }

    void deleteAll(Collection<String> statementIds, String collection) {
        if (!statementIds.isEmpty()) {
            mongo.getCollection(collection).deleteMany(Filters.in("_id", statementIds));
        }
    }

    /** The event a statement became, if it became one (and was not voided since). */
    public Optional<TrainingEvent> find(String statementId) {
        return Optional.ofNullable(mongo.findById(statementId, TrainingEvent.class));
    }

    public List<TrainingEvent> forAgents(Collection<String> agentKeys) {
        return mongo.find(Query.query(Criteria.where("agentKey").in(agentKeys))
                .with(Sort.by("agentKey", "moduleId", "timestamp")), TrainingEvent.class);
    }

    public List<TrainingEvent> forModule(String moduleId, Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("moduleId").is(moduleId).and("timestamp").gte(from).lt(to))
                .with(Sort.by("moduleId", "timestamp")), TrainingEvent.class);
    }

    public List<TrainingEvent> between(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("timestamp").gte(from).lt(to)).with(Sort.by("timestamp")),
                TrainingEvent.class);
    }

    /**
     * Every event in a period, oldest first, one at a time from a cursor: exports of any size hold one batch, not the
     * period.
     */
    public void forEachBetween(Instant from, Instant to, java.util.function.Consumer<TrainingEvent> each) {
        Query query = Query.query(Criteria.where("timestamp").gte(from).lt(to)).with(Sort.by("timestamp")).cursorBatchSize(500);
        try (java.util.stream.Stream<TrainingEvent> stream = mongo.stream(query, TrainingEvent.class)) {
            stream.forEach(each);
        }
    }

    /** Every event, in a stable order: the rebuild compares the whole collection. */
    public List<TrainingEvent> all() {
        return mongo.find(new Query().with(Sort.by("timestamp")), TrainingEvent.class);
    }
}
