package org.hipaatraining.lrs.cmi5;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Registrations ({@code cmi5_registrations}: one learner in one course; {@code cycle} counts re-enrolments, and
 * courseId + actorKey + cycle is unique) and the per-AU results within each ({@code cmi5_au_status}, keyed by
 * registration and AU activity id). Results are claimed with conditional updates, so "passed at most once per
 * registration" holds even when two requests race.
 */
@Repository
class RegistrationStore implements DeclaresIndexes {

    static final String REGISTRATIONS = "cmi5_registrations";
    static final String AU_STATUS = "cmi5_au_status";

    private final MongoTemplate mongo;

    RegistrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Registration(String id, String courseId, JsonNode actor, String actorKey, int cycle, Instant createdAt) {
    }

    /** An AU's results in a registration: the ids of the statements that recorded them, or null. */
    record AuStatus(String completedBy, String passedBy, String failedBy, String waivedBy) {
        static final AuStatus NONE = new AuStatus(null, null, null, null);
    }

    /** The result fields an AU statement can claim. */
    enum Result { completedBy, passedBy, failedBy, waivedBy }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(
                IndexDeclaration.unique(REGISTRATIONS, new Document("courseId", 1).append("actorKey", 1).append("cycle", 1)),
                IndexDeclaration.of(AU_STATUS, new Document("registration", 1)));
    }

    private MongoCollection<Document> registrations() {
        return mongo.getCollection(REGISTRATIONS);
    }

    private MongoCollection<Document> statuses() {
        return mongo.getCollection(AU_STATUS);
    }

    /** Stores a new registration; false when that course, actor and cycle already has one. */
    boolean insert(Registration r) {
        try {
            registrations().insertOne(new Document("_id", r.id()).append("courseId", r.courseId())
                    .append("actor", XapiJson.write(r.actor())).append("actorKey", r.actorKey()).append("cycle", r.cycle())
                    .append("createdAt", Date.from(r.createdAt())).append("satisfied", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<Registration> find(String id) {
        return Optional.ofNullable(registrations().find(Filters.eq("_id", id)).first()).map(RegistrationStore::from);
    }

    /** The learner's latest registration in a course. */
    Optional<Registration> latest(String courseId, String actorKey) {
        return Optional.ofNullable(registrations().find(new Document("courseId", courseId).append("actorKey", actorKey))
                .sort(Sorts.descending("cycle")).first()).map(RegistrationStore::from);
    }

    /** Records a block or course as satisfied; true only the first time, so each gets one satisfied statement. */
    boolean markSatisfied(String registration, String activityId) {
        return registrations().updateOne(new Document("_id", registration).append("satisfied", new Document("$ne", activityId)),
                Updates.addToSet("satisfied", activityId)).getModifiedCount() == 1;
    }

    List<String> satisfied(String registration) {
        Document d = registrations().find(Filters.eq("_id", registration)).first();
        return d == null ? List.of() : d.getList("satisfied", String.class, List.of());
    }

    // ---- AU results

    AuStatus status(String registration, String auActivityId) {
        Document d = statuses().find(Filters.eq("_id", statusId(registration, auActivityId))).first();
        return d == null ? AuStatus.NONE : status(d);
    }

    /** Every AU's results in a registration, by AU activity id (AUs with none are absent). */
    Map<String, AuStatus> statuses(String registration) {
        Map<String, AuStatus> all = new HashMap<>();
        statuses().find(Filters.eq("registration", registration)).forEach(d -> all.put(d.getString("au"), status(d)));
        return all;
    }

    /**
     * Claims a result for a statement: true when it was free or already claimed by this same statement (a re-send),
     * false when another statement holds it.
     */
    boolean claim(String registration, String auActivityId, Result result, String statementId) {
        String id = statusId(registration, auActivityId);
        statuses().updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("registration", registration),
                Updates.setOnInsert("au", auActivityId)), new UpdateOptions().upsert(true));
        if (statuses().updateOne(new Document("_id", id).append(result.name(), null),
                Updates.set(result.name(), statementId)).getModifiedCount() == 1) {
            return true;
        }
        Document d = statuses().find(Filters.eq("_id", id)).first();
        return d != null && statementId.equals(d.getString(result.name()));
    }

    /** Gives a claim back, if this statement still holds it: its batch was refused. */
    void release(String registration, String auActivityId, Result result, String statementId) {
        statuses().updateOne(new Document("_id", statusId(registration, auActivityId)).append(result.name(), statementId),
                Updates.unset(result.name()));
    }

    /** Records a result that may repeat (failed: a learner can fail and retake before passing); the latest wins. */
    void record(String registration, String auActivityId, Result result, String statementId) {
        statuses().updateOne(Filters.eq("_id", statusId(registration, auActivityId)), Updates.combine(
                Updates.setOnInsert("registration", registration), Updates.setOnInsert("au", auActivityId),
                Updates.set(result.name(), statementId)), new UpdateOptions().upsert(true));
    }

    private static AuStatus status(Document d) {
        return new AuStatus(d.getString("completedBy"), d.getString("passedBy"), d.getString("failedBy"),
                d.getString("waivedBy"));
    }

    private static String statusId(String registration, String auActivityId) {
        return registration + "|" + auActivityId;
    }

    private static Registration from(Document d) {
        return new Registration(d.getString("_id"), d.getString("courseId"),
                XapiJson.parse(d.getString("actor"), "stored actor"), d.getString("actorKey"), d.getInteger("cycle"),
                d.getDate("createdAt").toInstant());
    }
}
