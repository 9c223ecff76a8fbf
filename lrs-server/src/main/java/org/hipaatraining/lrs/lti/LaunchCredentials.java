package org.hipaatraining.lrs.lti;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The xAPI credential a packaged-module launch hands to the learner's browser: its own client, allowed to write
 * statements and state only, revoked after {@link LtiSettings#launchCredentialTtl()} ({@code lti_launch_credentials}
 * remembers which to revoke when). Unlike a cmi5 token it is not bound to the learner's actor; see docs/lti.md.
 */
@Component
class LaunchCredentials implements DeclaresIndexes {

    static final String CREDENTIALS = "lti_launch_credentials";
    private static final Logger log = LoggerFactory.getLogger(LaunchCredentials.class);

    private final ClientService clients;
    private final MongoTemplate mongo;
    private final LtiSettings settings;
    private final Clock clock;

    LaunchCredentials(ClientService clients, MongoTemplate mongo, LtiSettings settings, Clock clock) {
        this.clients = clients;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(CREDENTIALS, new Document("expiresAt", 1)));
    }

    /** A new credential as the value of an HTTP Authorization header. */
    String issue(String personId, String label) {
        ClientService.IssuedCredential credential = clients.create("LTI launch: " + label,
                Set.of(Scope.STATEMENTS_WRITE, Scope.STATE));
        Instant now = clock.instant();
        mongo.getCollection(CREDENTIALS).insertOne(new Document("_id", credential.key()).append("personId", personId)
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(settings.launchCredentialTtl()))));
        String basic = credential.key() + ":" + credential.secret();
        return "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelayString = "${lrs.lti.credential-sweep-interval:5m}", initialDelayString = "${lrs.lti.credential-sweep-interval:5m}")
    void revokeExpired() {
        for (Document d : mongo.getCollection(CREDENTIALS).find(Filters.lt("expiresAt", Date.from(clock.instant())))) {
            String key = d.getString("_id");
            try {
                clients.revoke(key);
                mongo.getCollection(CREDENTIALS).deleteOne(Filters.eq("_id", key));
            } catch (RuntimeException e) {
                log.warn("LTI: launch credential {} could not be revoked yet: {}", key, e.toString());
            }
        }
    }
}
