package org.hipaatraining.lrs.cmi5;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The {@code cmi5_sessions} collection: one document per AU launch. The fetch code and the auth-token are stored only
 * as SHA-256 hashes (both are 256-bit random values, so a fast hash suffices). A session is {@code open} from launch
 * until it is terminated or abandoned; its AU verbs are claimed once each with conditional updates.
 */
@Repository
class SessionStore implements DeclaresIndexes {

    static final String SESSIONS = "cmi5_sessions";

    private final MongoTemplate mongo;

    SessionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The AU verbs a session records, each at most once (9.3: verbs are not duplicated within a session). */
    enum Verb { initializedBy, completedBy, passedBy, failedBy, terminatedBy }

    record LaunchSession(String id, String registration, String courseId, String auActivityId, String auPublisherId,
                         JsonNode actor, String actorKey, String launchMode, Double masteryScore, String moveOn,
                         Instant launchedAt, Instant expiresAt, String fetchCodeHash, String tokenHash, boolean open,
                         Instant lastActivityAt, Instant terminatedAt, Instant abandonedAt, Document verbs) {

        String claimed(Verb verb) {
            return verbs.getString(verb.name());
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(SESSIONS, new Document("registration", 1)),
                IndexDeclaration.of(SESSIONS, new Document("open", 1).append("lastActivityAt", 1)));
    }

    private MongoCollection<Document> sessions() {
        return mongo.getCollection(SESSIONS);
    }

    void insert(LaunchSession s) {
        sessions().insertOne(new Document("_id", s.id()).append("registration", s.registration())
                .append("courseId", s.courseId()).append("auActivityId", s.auActivityId())
                .append("auPublisherId", s.auPublisherId()).append("actor", XapiJson.write(s.actor()))
                .append("actorKey", s.actorKey()).append("launchMode", s.launchMode()).append("masteryScore", s.masteryScore())
                .append("moveOn", s.moveOn()).append("launchedAt", Date.from(s.launchedAt()))
                .append("expiresAt", Date.from(s.expiresAt())).append("fetchCodeHash", s.fetchCodeHash())
                .append("tokenHash", null).append("open", true).append("lastActivityAt", Date.from(s.launchedAt()))
                .append("verbs", new Document()));
    }

    Optional<LaunchSession> find(String id) {
        return Optional.ofNullable(sessions().find(Filters.eq("_id", id)).first()).map(SessionStore::from);
    }

    /** Sessions of a registration still open (launched, neither terminated nor abandoned). */
    List<LaunchSession> open(String registration) {
        List<LaunchSession> open = new ArrayList<>();
        sessions().find(new Document("registration", registration).append("open", true)).forEach(d -> open.add(from(d)));
        return open;
    }

    /** Open sessions with no activity since {@code cutoff}. */
    List<LaunchSession> idleSince(Instant cutoff, int limit) {
        List<LaunchSession> idle = new ArrayList<>();
        sessions().find(new Document("open", true).append("lastActivityAt", new Document("$lt", Date.from(cutoff))))
                .limit(limit).forEach(d -> idle.add(from(d)));
        return idle;
    }

    /** Exchanges the fetch code for a token, once: false when the session's token was already fetched. */
    boolean fetch(String id, String tokenHash, Instant when) {
        return sessions().updateOne(new Document("_id", id).append("tokenHash", null),
                Updates.combine(Updates.set("tokenHash", tokenHash), Updates.set("fetchedAt", Date.from(when))))
                .getModifiedCount() == 1;
    }

    /** Claims a verb for a statement: true when free or already claimed by this same statement (a re-send). */
    boolean claim(String id, Verb verb, String statementId) {
        if (sessions().updateOne(new Document("_id", id).append("verbs." + verb.name(), null),
                Updates.set("verbs." + verb.name(), statementId)).getModifiedCount() == 1) {
            return true;
        }
        return find(id).map(s -> statementId.equals(s.claimed(verb))).orElse(false);
    }

    /** Gives a claim back, if this statement still holds it: its batch was refused. */
    void release(String id, Verb verb, String statementId) {
        sessions().updateOne(new Document("_id", id).append("verbs." + verb.name(), statementId),
                Updates.unset("verbs." + verb.name()));
    }

    void touch(String id, Instant when) {
        sessions().updateOne(Filters.eq("_id", id), Updates.max("lastActivityAt", Date.from(when)));
    }

    void terminate(String id, Instant when) {
        sessions().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("open", false),
                Updates.set("terminatedAt", Date.from(when))));
    }

    /** Closes an open session as abandoned; true only for the call that closed it (one abandoned statement). */
    boolean abandon(String id, Instant when) {
        return sessions().updateOne(new Document("_id", id).append("open", true), Updates.combine(Updates.set("open", false),
                Updates.set("abandonedAt", Date.from(when)))).getModifiedCount() == 1;
    }

    private static LaunchSession from(Document d) {
        Number mastery = d.get("masteryScore", Number.class);
        return new LaunchSession(d.getString("_id"), d.getString("registration"), d.getString("courseId"),
                d.getString("auActivityId"), d.getString("auPublisherId"), XapiJson.parse(d.getString("actor"), "actor"),
                d.getString("actorKey"), d.getString("launchMode"), mastery == null ? null : mastery.doubleValue(),
                d.getString("moveOn"), instant(d, "launchedAt"), instant(d, "expiresAt"), d.getString("fetchCodeHash"),
                d.getString("tokenHash"), d.getBoolean("open", false), instant(d, "lastActivityAt"),
                instant(d, "terminatedAt"), instant(d, "abandonedAt"), d.get("verbs", new Document()));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
