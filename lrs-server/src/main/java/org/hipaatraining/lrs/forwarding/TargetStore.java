package org.hipaatraining.lrs.forwarding;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code forwarding_targets} collection: each target's configuration and its {@link DeliveryState} in one
 * document, so that a delivery's outcome (cursor, counts, lease) is one atomic write. Every write of a delivery is
 * conditional on the lease token: an instance that lost its lease (it stalled past the lease, an admin replayed or
 * paused) changes nothing. A practice has a handful of targets, read whole.
 */
@Repository
class TargetStore implements DeclaresIndexes {

    static final String TARGETS = "forwarding_targets";

    private final MongoTemplate mongo;
    private final SecretsAtRest secrets;

    TargetStore(MongoTemplate mongo, SecretsAtRest secrets) {
        this.mongo = mongo;
        this.secrets = secrets;
    }

    /**
     * A target with its delivery state; {@code secretsProblem}: why its secrets cannot be read (no key, another key),
     * null when they can. A target with such a problem has no secrets here and is never sent to.
     */
    record Stored(Target target, DeliveryState state, String secretsProblem) {

        Stored(Target target, DeliveryState state) {
            this(target, state, null);
        }
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // read whole (a handful of documents) or by _id
    }

    private MongoCollection<Document> targets() {
        return mongo.getCollection(TARGETS);
    }

    void insert(Target target, Position start) {
        Document d = config(target).append("_id", target.id()).append("createdAt", Date.from(target.createdAt()))
                .append("cursor", position(start)).append("failures", 0)
                .append("delivered", 0L).append("failed", 0L).append("deadLettered", 0L);
        targets().insertOne(d);
    }

    /** Changes the configuration, leaving the delivery state as it is. */
    boolean update(Target target) {
        List<Bson> sets = new ArrayList<>();
        config(target).forEach((k, v) -> sets.add(Updates.set(k, v)));
        return targets().updateOne(Filters.eq("_id", target.id()), Updates.combine(sets)).getMatchedCount() == 1;
    }

    boolean delete(String id) {
        return targets().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    List<Stored> all() {
        List<Stored> all = new ArrayList<>();
        targets().find().forEach(d -> all.add(read(d)));
        all.sort(java.util.Comparator.comparing((Stored s) -> s.target().createdAt()).thenComparing(s -> s.target().id()));
        return all;
    }

    Optional<Stored> find(String id) {
        return Optional.ofNullable(targets().find(Filters.eq("_id", id)).first()).map(this::read);
    }

    /**
     * Takes the target for {@code owner} until {@code until}, if nobody holds it (or the holder's lease ran out) and it
     * is not paused: one instance at a time delivers to a target.
     */
    Optional<Stored> claim(String id, String token, String owner, Instant now, Instant until) {
        Bson free = Filters.or(Filters.eq("leaseToken", null), Filters.lt("leaseUntil", Date.from(now)));
        Document claimed = targets().findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.ne("paused", true), free),
                Updates.combine(Updates.set("leaseToken", token), Updates.set("leaseOwner", owner),
                        Updates.set("leaseUntil", Date.from(until))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(this::read);
    }

    boolean renew(String id, String token, Instant until) {
        return held(id, token, Updates.set("leaseUntil", Date.from(until)));
    }

    void release(String id, String token) {
        held(id, token, Updates.combine(Updates.set("leaseToken", null), Updates.set("leaseUntil", null)));
    }

    /** A batch was delivered: the cursor moves past it and the failures are forgotten. */
    boolean delivered(String id, String token, Position to, int count, Instant now) {
        return held(id, token, Updates.combine(Updates.set("cursor", position(to)), cleared(),
                Updates.set("lastDeliveredAt", Date.from(now)), Updates.inc("delivered", (long) count)));
    }

    /** Items the target's selection leaves out: the cursor moves past them, nothing is sent. */
    boolean passed(String id, String token, Position to) {
        return held(id, token, Updates.set("cursor", position(to)));
    }

    boolean failed(String id, String token, String error, Instant now, int failures, Instant failingSince, Instant next) {
        return held(id, token, Updates.combine(Updates.set("failures", failures),
                Updates.set("failingSince", Date.from(failingSince)), Updates.set("nextAttemptAt", Date.from(next)),
                Updates.set("lastError", error), Updates.set("lastErrorAt", Date.from(now)), Updates.inc("failed", 1L)));
    }

    /** A batch that failed for too long is set aside: the cursor moves past it. */
    boolean deadLettered(String id, String token, Position to, int count) {
        return held(id, token, Updates.combine(Updates.set("cursor", position(to)), cleared(),
                Updates.inc("deadLettered", (long) count)));
    }

    /** Pauses or resumes; either takes the lease away, so a delivery in progress writes nothing more. */
    boolean pause(String id, boolean paused) {
        return targets().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("paused", paused),
                Updates.set("leaseToken", null), Updates.set("leaseUntil", null), Updates.set("nextAttemptAt", null)))
                .getMatchedCount() == 1;
    }

    /** Moves the cursor back (or on) to {@code from}: everything after it is delivered again, in order. */
    boolean replay(String id, Position from) {
        return targets().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("cursor", position(from)), cleared(),
                Updates.set("leaseToken", null), Updates.set("leaseUntil", null))).getMatchedCount() == 1;
    }

    private static Bson cleared() {
        return Updates.combine(Updates.set("failures", 0), Updates.set("failingSince", null),
                Updates.set("nextAttemptAt", null));
    }

    private boolean held(String id, String token, Bson update) {
        return targets().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("leaseToken", token)), update)
                .getMatchedCount() == 1;
    }

    // ---- the stored form

    /**
     * The stored form of a target's configuration, its secrets encrypted; without a key to do so,
     * a {@link ForwardingException} naming the setting.
     */
    private Document config(Target t) {
        Credentials c = t.credentials() == null ? Credentials.NONE : t.credentials();
        StatementSelection s = t.selection() == null ? StatementSelection.EVERYTHING : t.selection();
        return new Document("name", t.name()).append("kind", t.kind().name()).append("url", t.url().toString())
                .append("xapiVersion", t.xapiVersion())
                .append("credentials", new Document("kind", c.kind().name()).append("username", c.username())
                        .append("secret", sealed(c.secret(), t.id(), "credentials.secret")))
                .append("signingSecret", sealed(t.signingSecret(), t.id(), "signingSecret"))
                .append("selection", new Document("verbs", s.verbs()).append("activities", s.activities())
                        .append("sources", s.sources()))
                .append("events", t.events().stream().map(Enum::name).toList())
                .append("paused", t.paused());
    }

    private static Document position(Position p) {
        return new Document("at", Date.from(p.at())).append("id", p.id());
    }

    private static Position position(Document d) {
        return new Position(d.getDate("at").toInstant(), d.getString("id"));
    }

    private String sealed(String secret, String id, String field) {
        try {
            return secrets.encrypt(secret, id, field);
        } catch (SecretsAtRest.KeyProblem e) {
            throw new ForwardingException(field, "cannot be stored: " + e.getMessage());
        }
    }

    /** Encrypts the secrets of a target stored before encryption; false if there were none or it changed meanwhile. */
    boolean encryptPlaintextSecrets(String id) {
        Document d = targets().find(Filters.eq("_id", id)).first();
        if (d == null) {
            return false;
        }
        Document c = d.get("credentials", Document.class);
        String secret = c == null ? null : c.getString("secret");
        String signing = d.getString("signingSecret");
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("_id", id)));
        List<Bson> sets = new ArrayList<>();
        if (secret != null && !SecretsAtRest.encrypted(secret)) {
            conditions.add(Filters.eq("credentials.secret", secret));
            sets.add(Updates.set("credentials.secret", secrets.encrypt(secret, id, "credentials.secret")));
        }
        if (signing != null && !SecretsAtRest.encrypted(signing)) {
            conditions.add(Filters.eq("signingSecret", signing));
            sets.add(Updates.set("signingSecret", secrets.encrypt(signing, id, "signingSecret")));
        }
        return !sets.isEmpty() && targets().updateOne(Filters.and(conditions), Updates.combine(sets)).getModifiedCount() == 1;
    }

    /** Ids of the targets that still have a secret in plaintext. */
    List<String> withPlaintextSecrets() {
        List<String> ids = new ArrayList<>();
        targets().find().forEach(d -> {
            Document c = d.get("credentials", Document.class);
            String secret = c == null ? null : c.getString("secret");
            String signing = d.getString("signingSecret");
            if ((secret != null && !SecretsAtRest.encrypted(secret)) || (signing != null && !SecretsAtRest.encrypted(signing))) {
                ids.add(d.getString("_id"));
            }
        });
        return ids;
    }

    private Stored read(Document d) {
        String id = d.getString("_id");
        String problem = null;
        Document c = d.get("credentials", Document.class);
        String secret = null;
        String signing = null;
        try {
            secret = secrets.decrypt(c.getString("secret"), id, "credentials.secret");
            signing = secrets.decrypt(d.getString("signingSecret"), id, "signingSecret");
        } catch (SecretsAtRest.KeyProblem e) {
            problem = "Its secrets cannot be read: " + e.getMessage();
            secret = null;
            signing = null;
        }
        Document s = d.get("selection", Document.class);
        Set<ComplianceEventType> events = EnumSet.noneOf(ComplianceEventType.class);
        d.getList("events", String.class, List.of()).forEach(e -> events.add(ComplianceEventType.valueOf(e)));
        Target target = new Target(d.getString("_id"), d.getString("name"), TargetKind.valueOf(d.getString("kind")),
                URI.create(d.getString("url")), d.getString("xapiVersion"),
                new Credentials(Credentials.Kind.valueOf(c.getString("kind")), c.getString("username"), secret),
                signing,
                new StatementSelection(s.getList("verbs", String.class), s.getList("activities", String.class),
                        s.getList("sources", String.class)),
                Set.copyOf(events), Boolean.TRUE.equals(d.getBoolean("paused")), d.getDate("createdAt").toInstant());
        DeliveryState state = new DeliveryState(position(d.get("cursor", Document.class)), d.getString("leaseToken"),
                d.getString("leaseOwner"), instant(d, "leaseUntil"), d.getInteger("failures", 0), instant(d, "failingSince"),
                instant(d, "nextAttemptAt"), d.getString("lastError"), instant(d, "lastErrorAt"),
                instant(d, "lastDeliveredAt"), number(d, "delivered"), number(d, "failed"), number(d, "deadLettered"));
        return new Stored(target, state, problem);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
