package org.hipaatraining.lrs.lti;

import java.security.SecureRandom;
import java.time.Clock;
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
 * The {@code lti_login_states} collection: one document per OIDC login in flight, keyed by its {@code state}, holding
 * the nonce the id_token must carry. In MongoDB rather than a cookie or session, so the launch may reach any server
 * instance; single use (taken out when the launch arrives) and void after {@link LtiSettings#loginTtl()}.
 */
@Repository
class LoginStateStore implements DeclaresIndexes {

    static final String STATES = "lti_login_states";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final LtiSettings settings;
    private final Clock clock;

    LoginStateStore(MongoTemplate mongo, LtiSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** A login in flight. */
    record LoginState(String state, String nonce, String platformId, String targetLinkUri, Instant expiresAt) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(STATES, new Document("expiresAt", 1)));
    }

    LoginState create(String platformId, String targetLinkUri) {
        Instant now = clock.instant();
        LoginState login = new LoginState(random(), random(), platformId, targetLinkUri, now.plus(settings.loginTtl()));
        mongo.getCollection(STATES).insertOne(new Document("_id", login.state()).append("nonce", login.nonce())
                .append("platformId", platformId).append("targetLinkUri", targetLinkUri)
                .append("expiresAt", Date.from(login.expiresAt())).append("createdAt", Date.from(now)));
        return login;
    }

    /** Takes the login out, so a second launch with the same state finds nothing; empty when unknown or expired. */
    Optional<LoginState> consume(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        Document d = mongo.getCollection(STATES).findOneAndDelete(Filters.eq("_id", state));
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new LoginState(state, d.getString("nonce"), d.getString("platformId"),
                d.getString("targetLinkUri"), d.getDate("expiresAt").toInstant()));
    }

    /** Logins the platform never completed (the learner closed the tab). A TTL index cannot be relied on everywhere. */
    @Scheduled(fixedDelayString = "${lrs.lti.login-cleanup-interval:10m}", initialDelayString = "${lrs.lti.login-cleanup-interval:10m}")
    void removeExpired() {
        mongo.getCollection(STATES).deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
