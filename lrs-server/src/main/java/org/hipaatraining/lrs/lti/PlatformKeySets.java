package org.hipaatraining.lrs.lti;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Platforms' public keys, fetched from their JWKS URLs and kept. A token signed with a key not in the kept set makes
 * the set be fetched again (platforms rotate keys), at most once per {@link #REFETCH_PAUSE} so forged key ids cannot
 * make the tool hammer a platform.
 */
@Component
class PlatformKeySets {

    static final Duration REFETCH_PAUSE = Duration.ofSeconds(10);
    private static final Duration MAX_AGE = Duration.ofHours(12);
    private static final Logger log = LoggerFactory.getLogger(PlatformKeySets.class);

    private final PlatformHttp http;
    private final Clock clock;
    private final Map<String, Fetched> sets = new ConcurrentHashMap<>();

    PlatformKeySets(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    private record Fetched(JWKSet set, Instant at) {
    }

    /** The platform's RSA key with this id (or its only key when the token names none). */
    RSAKey key(LtiPlatform platform, String kid) {
        Instant now = clock.instant();
        Fetched fetched = sets.get(platform.jwksUrl());
        if (fetched == null || fetched.at().plus(MAX_AGE).isBefore(now)) {
            fetched = fetch(platform, now);
        }
        RSAKey key = find(fetched.set(), kid);
        if (key == null && fetched.at().plus(REFETCH_PAUSE).isBefore(now)) {
            fetched = fetch(platform, now);
            key = find(fetched.set(), kid);
        }
        if (key == null) {
            throw LtiException.untrusted("The launch was signed with a key " + (kid == null ? "without an id" : "'" + kid + "'")
                    + " that " + platform.name() + " does not publish at " + platform.jwksUrl() + ".");
        }
        return key;
    }

    private Fetched fetch(LtiPlatform platform, Instant now) {
        try {
            PlatformHttp.Response response = http.get(platform.jwksUrl(), "application/json", null);
            if (!response.ok()) {
                throw new IOException("HTTP " + response.status());
            }
            Fetched fetched = new Fetched(JWKSet.parse(response.body()), now);
            sets.put(platform.jwksUrl(), fetched);
            return fetched;
        } catch (IOException | ParseException e) {
            log.warn("LTI: the keys of {} could not be read from {}: {}", platform.name(), platform.jwksUrl(), e.toString());
            Fetched old = sets.get(platform.jwksUrl());
            if (old != null) {
                return old;
            }
            throw LtiException.untrusted("The keys of " + platform.name() + " could not be read from " + platform.jwksUrl()
                    + ", so the launch cannot be checked. Try again in a minute.");
        }
    }

    private static RSAKey find(JWKSet set, String kid) {
        List<JWK> keys = set.getKeys();
        if (kid == null) {
            return keys.size() == 1 && keys.get(0) instanceof RSAKey rsa ? rsa : null;
        }
        JWK key = set.getKeyByKeyId(kid);
        return key instanceof RSAKey rsa ? rsa : null;
    }
}
