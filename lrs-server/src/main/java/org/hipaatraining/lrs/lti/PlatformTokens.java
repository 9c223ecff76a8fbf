package org.hipaatraining.lrs.lti;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTClaimsSet;
import org.hipaatraining.lrs.system.Caches;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 access tokens from a platform's token endpoint for its services (grades, members): the client_credentials
 * grant with a client assertion signed by the tool's key (LTI Security Framework). Tokens are reused until shortly
 * before they expire ({@link #MARGIN}), each kept as long as its own {@code expires_in} says.
 */
@Component
class PlatformTokens {

    /** A token this close to its expiry is not used: a request sent with it could arrive after. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final PlatformHttp http;
    private final ToolKeys keys;
    private final Clock clock;
    private final Cache<String, Token> cache;

    PlatformTokens(PlatformHttp http, ToolKeys keys, Clock clock) {
        this.http = http;
        this.keys = keys;
        this.clock = clock;
        this.cache = Caches.builder(clock).maximumSize(1_000).expireAfter(Expiry.<String, Token>writing((key, token) ->
                Duration.between(clock.instant(), token.expiresAt().minus(MARGIN)))).build();
    }

    private record Token(String value, Instant expiresAt) {
    }

    /** A token for the scopes; throws with the platform's answer when it refuses. */
    String accessToken(LtiPlatform platform, List<String> scopes) throws IOException {
        String scope = String.join(" ", new TreeSet<>(scopes));
        String cacheKey = platform.id() + " " + scope;
        Instant now = clock.instant();
        Token cached = cache.getIfPresent(cacheKey);
        if (cached != null) {
            return cached.value();
        }
        PlatformHttp.Response response = http.postForm(platform.tokenUrl(), Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", LtiClaims.CLIENT_ASSERTION_TYPE,
                "client_assertion", clientAssertion(platform, now),
                "scope", scope));
        if (!response.ok()) {
            throw new IOException("the token endpoint of " + platform.name() + " answered " + response.status() + ": "
                    + response.excerpt());
        }
        JsonNode body = response.json("the token response of " + platform.name());
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new IOException("the token endpoint of " + platform.name() + " returned no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        cache.put(cacheKey, new Token(token, now.plusSeconds(expiresIn)));
        return token;
    }

    /** Forgets a token the platform no longer accepts (a 401 from a service). */
    void forget(LtiPlatform platform) {
        cache.asMap().keySet().removeIf(k -> k.startsWith(platform.id() + " "));
    }

    private String clientAssertion(LtiPlatform platform, Instant now) {
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.assertionAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }
}
