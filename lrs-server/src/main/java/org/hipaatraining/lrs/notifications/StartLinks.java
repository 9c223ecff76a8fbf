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

    record StartLink(String personId, String moduleId, Instant expiresAt, Instant usedAt) {
        boolean usable(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** A new token for a person and module. */
    String issue(String personId, String moduleId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", hash(token)).append("personId", personId)
                .append("moduleId", moduleId).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(LIFETIME))));
        return token;
    }

    Optional<StartLink> find(String token) {
        return Optional.ofNullable(mongo.findById(hash(token), Document.class, COLLECTION)).map(StartLinks::link);
    }

    /** Uses the token up; empty when it is unknown, used or expired. */
    Optional<StartLink> use(String token) {
        Instant now = clock.instant();
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is(hash(token)).and("usedAt").exists(false)),
                new Update().set("usedAt", Date.from(now)), FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION);
        return Optional.ofNullable(d).map(StartLinks::link).filter(l -> now.isBefore(l.expiresAt()));
    }

    private static StartLink link(Document d) {
        return new StartLink(d.getString("personId"), d.getString("moduleId"), d.getDate("expiresAt").toInstant(),
                d.getDate("usedAt") == null ? null : d.getDate("usedAt").toInstant());
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
