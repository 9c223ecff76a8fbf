package org.hipaatraining.lrs.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One-time sign-in links in notices ({@code start_links}): a random token in the mail, only its SHA-256 stored. The
 * link shows a page with a button; pressing it uses the token up and launches the training for that person and module,
 * so a mail scanner that opens links does not spend it. Links work for {@link #LIFETIME}.
 */
@Repository
class StartLinks {

    static final String COLLECTION = "start_links";
    static final Duration LIFETIME = Duration.ofDays(30);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StartLinks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A link for one or more modules (a combined notice lists several); each module launches once from it, and the
     * link is used up when every module has been launched.
     */
    record StartLink(String personId, List<String> moduleIds, List<String> usedModules, Instant expiresAt,
                     Instant usedAt) {
        boolean usable(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }

        String moduleId() {
            return moduleIds.get(0);
        }

        boolean used(String moduleId) {
            return usedModules.contains(moduleId);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** A new token for a person and module. */
    String issue(String personId, String moduleId) {
        return issue(personId, List.of(moduleId));
    }

    /** A new token for a person and the modules one notice names. */
    String issue(String personId, List<String> moduleIds) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", hash(token)).append("personId", personId)
                .append("moduleId", moduleIds.get(0)).append("moduleIds", moduleIds).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(LIFETIME))));
        return token;
    }

    Optional<StartLink> find(String token) {
        return Optional.ofNullable(mongo.findById(hash(token), Document.class, COLLECTION)).map(StartLinks::link);
    }

    /**
     * Uses the token for one of its modules (the first not launched yet when null); empty when it is unknown, expired,
     * used up, or that module was launched from it already. The link is used up once each of its modules was.
     */
    Optional<StartLink> use(String token, String moduleId) {
        Instant now = clock.instant();
        Optional<StartLink> found = find(token).filter(l -> l.usable(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String module = moduleId != null ? moduleId
                : found.get().moduleIds().stream().filter(m -> !found.get().used(m)).findFirst().orElse(null);
        if (module == null || !found.get().moduleIds().contains(module)) {
            return Optional.empty();
        }
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is(hash(token)).and("usedAt").exists(false)
                        .and("usedModules").ne(module)),
                new Update().addToSet("usedModules", module), FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        StartLink link = link(d);
        if (link.usedModules().containsAll(link.moduleIds())) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(hash(token))), new Update().set("usedAt", Date.from(now)),
                    COLLECTION);
        }
        return Optional.of(new StartLink(link.personId(), List.of(module), link.usedModules(), link.expiresAt(),
                link.usedAt()));
    }

    private static StartLink link(Document d) {
        List<String> modules = d.getList("moduleIds", String.class);
        List<String> used = d.getList("usedModules", String.class);
        if (used == null) {
            // a link from before links named several modules: used is used
            used = d.getDate("usedAt") == null ? List.of() : List.of(d.getString("moduleId"));
        }
        return new StartLink(d.getString("personId"), modules == null ? List.of(d.getString("moduleId")) : modules, used,
                d.getDate("expiresAt").toInstant(), d.getDate("usedAt") == null ? null : d.getDate("usedAt").toInstant());
    }

    static String hash(String token) {
        if (token == null || token.length() > 100) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
