package org.hipaatraining.lrs.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code lti_deep_links} collection: a verified deep linking request waiting for the LMS user's choice, under a
 * random single-use token that the picker page posts back. The token is what makes the choice trustworthy without a
 * session; it expires after an hour.
 */
@Repository
class DeepLinkStore implements DeclaresIndexes {

    static final String DEEP_LINKS = "lti_deep_links";
    static final Duration TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    DeepLinkStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** What the response must echo and respect. */
    record Request(String token, String platformId, String deploymentId, String returnUrl, String data,
                   boolean acceptMultiple, boolean acceptLineItem) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(DEEP_LINKS, new Document("expiresAt", 1)));
    }

    Request save(String platformId, String deploymentId, String returnUrl, String data, boolean acceptMultiple,
                 boolean acceptLineItem) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        Request request = new Request(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), platformId,
                deploymentId, returnUrl, data, acceptMultiple, acceptLineItem);
        Instant now = clock.instant();
        mongo.getCollection(DEEP_LINKS).insertOne(new Document("_id", request.token()).append("platformId", platformId)
                .append("deploymentId", deploymentId).append("returnUrl", returnUrl).append("data", data)
                .append("acceptMultiple", acceptMultiple).append("acceptLineItem", acceptLineItem)
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(TTL))));
        return request;
    }

    Optional<Request> consume(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Document d = mongo.getCollection(DEEP_LINKS).findOneAndDelete(Filters.eq("_id", token));
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Request(token, d.getString("platformId"), d.getString("deploymentId"),
                d.getString("returnUrl"), d.getString("data"), d.getBoolean("acceptMultiple", false),
                d.getBoolean("acceptLineItem", true)));
    }

    @Scheduled(fixedDelayString = "${lrs.lti.login-cleanup-interval:10m}", initialDelayString = "${lrs.lti.login-cleanup-interval:10m}")
    void removeExpired() {
        mongo.getCollection(DEEP_LINKS).deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
    }
}
