package org.hipaatraining.lrs.lti;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Registers, changes and finds the platforms (LMSs) this tool trusts. */
@Service
public class LtiPlatforms {

    private final LtiPlatformStore store;
    private final Clock clock;

    LtiPlatforms(LtiPlatformStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<LtiPlatform> all() {
        return store.all();
    }

    public LtiPlatform get(String id) {
        return store.find(id).orElseThrow(() -> LtiException.notFound("no LTI platform with id " + id));
    }

    public Optional<LtiPlatform> byId(String id) {
        return store.find(id);
    }

    /** The platform a launch comes from; without a client id only when the issuer registered the tool once. */
    public Optional<LtiPlatform> find(String issuer, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return store.find(issuer, clientId);
        }
        List<LtiPlatform> candidates = store.byIssuer(issuer);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    public LtiPlatform create(LtiPlatform.Details details) {
        check(details);
        Instant now = clock.instant();
        return save(new LtiPlatform(UUID.randomUUID().toString(), details.name().trim(), details.issuer().trim(),
                details.clientId().trim(), details.cleanDeploymentIds(), details.authLoginUrl().trim(),
                details.tokenUrl().trim(), details.jwksUrl().trim(), blankToNull(details.tokenAudience()), now, now));
    }

    public LtiPlatform update(String id, LtiPlatform.Details details) {
        check(details);
        LtiPlatform existing = get(id);
        return save(new LtiPlatform(id, details.name().trim(), details.issuer().trim(), details.clientId().trim(),
                details.cleanDeploymentIds(), details.authLoginUrl().trim(), details.tokenUrl().trim(),
                details.jwksUrl().trim(), blankToNull(details.tokenAudience()), existing.createdAt(), clock.instant()));
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw LtiException.notFound("no LTI platform with id " + id);
        }
    }

    private LtiPlatform save(LtiPlatform platform) {
        try {
            return store.save(platform);
        } catch (DuplicateKeyException e) {
            throw new LtiException(HttpStatus.CONFLICT, "a platform with issuer " + platform.issuer() + " and client id "
                    + platform.clientId() + " is already registered");
        }
    }

    private static void check(LtiPlatform.Details details) {
        if (details == null) {
            throw LtiException.badRequest("a platform needs name, issuer, clientId, deploymentIds, authLoginUrl, tokenUrl and jwksUrl");
        }
        List<String> problems = details.problems();
        if (!problems.isEmpty()) {
            throw LtiException.badRequest(String.join("; ", problems));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
