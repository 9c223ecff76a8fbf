package org.hipaatraining.lrs.cmi5;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;

import org.hipaatraining.lrs.auth.LaunchTokenAuthenticator;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fetch URL and the auth-token (cmi5 8.2). The fetch URL carries the session id and a random code; POSTing it
 * once returns {@code {"auth-token": base64(key:secret)}}, which the AU sends as HTTP Basic. The token is a credential
 * restricted to the session's actor, registration and AU, valid until the session's expiry and not after the session is
 * abandoned, nor after it terminated plus a short grace period. Codes and secrets are stored only as SHA-256 hashes.
 */
@Component
class LaunchTokens implements LaunchTokenAuthenticator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore sessions;
    private final Cmi5Settings settings;
    private final ServerSettings server;
    private final Clock clock;

    LaunchTokens(SessionStore sessions, Cmi5Settings settings, ServerSettings server, Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.server = server;
        this.clock = clock;
    }

    String fetchUrl(String base, String sessionId, String code) {
        return base + "/cmi5/fetch/" + sessionId + "/" + code;
    }

    /** The fetch response: a token, or a cmi5 error code (1 used or expired, 2 security, 3 application). */
    record FetchResult(String authToken, String errorCode, String errorText) {
    }

    FetchResult fetch(String sessionId, String code) {
        Optional<SessionStore.LaunchSession> found = sessions.find(sessionId);
        if (found.isEmpty() || !MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.UTF_8),
                found.get().fetchCodeHash().getBytes(StandardCharsets.UTF_8))) {
            return new FetchResult(null, "2", "This fetch URL is not valid. Launch the AU again from the course.");
        }
        SessionStore.LaunchSession session = found.get();
        Instant now = clock.instant();
        if (!session.open() || !now.isBefore(session.expiresAt())) {
            return new FetchResult(null, "1", "This launch session has " + (session.open() ? "expired" : "ended")
                    + ". Launch the AU again from the course.");
        }
        String secret = randomSecret();
        if (!sessions.fetch(sessionId, hash(secret), now)) {
            return new FetchResult(null, "1", "The authorization token has already been returned for this launch.");
        }
        String key = KEY_PREFIX + sessionId;
        return new FetchResult(Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                null, null);
    }

    @Override
    public Optional<XapiClient> authenticate(String key, String secret) {
        if (!key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        Optional<SessionStore.LaunchSession> found = sessions.find(key.substring(KEY_PREFIX.length()));
        if (found.isEmpty() || found.get().tokenHash() == null || !MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.UTF_8), found.get().tokenHash().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        SessionStore.LaunchSession session = found.get();
        Instant now = clock.instant();
        boolean ended = session.abandonedAt() != null || (session.terminatedAt() != null
                && !now.isBefore(session.terminatedAt().plus(settings.terminatedGrace())));
        if (ended || !now.isBefore(session.expiresAt())) {
            return Optional.empty();
        }
        ObjectNode authority = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", "cmi5 launch");
        authority.putObject("account").put("homePage", server.base() + "/cmi5/sessions").put("name", "cmi5:" + session.id());
        return Optional.of(new XapiClient(key, "cmi5 launch " + session.id(),
                EnumSet.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE, Scope.STATE), authority,
                new XapiClient.LaunchRestriction(session.actorKey(), session.registration(), session.auActivityId(),
                        session.id())));
    }

    static String randomSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
