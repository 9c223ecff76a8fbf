package org.hipaatraining.lrs.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hipaatraining.lrs.system.Caches;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, lists, revokes and authenticates xAPI client credentials.
 * <p>
 * Secrets are hashed with a deliberately slow password hash, which would cost every xAPI request tens of milliseconds.
 * So a successful check is remembered per instance as the SHA-256 of the secret under the stored hash it matched;
 * a later request with the same secret skips the slow hash while the stored hash is unchanged (a new secret is a new
 * hash, so nothing remembered for the old one applies). Stored clients are re-read at most {@link #CLIENT_TTL} apart,
 * which bounds how long a revoked credential keeps working on another instance.
 */
@Service
public class ClientService {

    static final Duration CLIENT_TTL = Duration.ofSeconds(5);
    private static final int KEPT_AT_MOST = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientStore store;
    private final PasswordEncoder passwords;
    private final ServerSettings server;
    private final Clock clock;
    /** Stored clients by key, as read at most {@link #CLIENT_TTL} ago. */
    private final Cache<String, StoredClient> clients;
    /** The SHA-256 of the secret that matched, by client key and the stored hash it matched. */
    private final Cache<String, byte[]> verified;
    /** Checked against when the key is unknown or revoked, so those answers take as long as a wrong secret's. */
    private final String dummyHash;

    ClientService(ClientStore store, PasswordEncoder passwords, ServerSettings server, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.server = server;
        this.clock = clock;
        this.clients = Caches.builder(clock).expireAfterWrite(CLIENT_TTL).maximumSize(KEPT_AT_MOST).build();
        this.verified = Caffeine.newBuilder().maximumSize(KEPT_AT_MOST).build();
        this.dummyHash = passwords.encode(randomToken(24));
    }

    /** A new credential: the only time its secret is shown. */
    public record IssuedCredential(String key, String secret, ClientView client) {
    }

    /** A credential as admins see it: never the secret. */
    public record ClientView(String key, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {
    }

    public IssuedCredential create(String name, Set<Scope> scopes) {
        String key = randomToken(12);
        String secret = randomToken(24);
        StoredClient client = save(key, secret, name, scopes);
        return new IssuedCredential(key, secret, view(client));
    }

    /** Creates the client, or updates its secret, name and scopes (used for the start-up bootstrap client). */
    public ClientView createOrUpdate(String key, String secret, String name, Set<Scope> scopes) {
        Optional<StoredClient> existing = store.find(key);
        if (existing.isPresent() && !existing.get().revoked() && passwords.matches(secret, existing.get().secretHash())
                && existing.get().scopes().equals(scopes) && existing.get().name().equals(name)) {
            return view(existing.get());
        }
        return view(save(key, secret, name, scopes));
    }

    private StoredClient save(String key, String secret, String name, Set<Scope> scopes) {
        if (key.isBlank() || key.contains(":")) {
            throw new IllegalArgumentException("client key must be non-empty and contain no ':'");
        }
        if (key.startsWith(LaunchTokenAuthenticator.KEY_PREFIX)) {
            throw new IllegalArgumentException("client keys cannot start with '" + LaunchTokenAuthenticator.KEY_PREFIX
                    + "': that prefix marks launch tokens");
        }
        if (secret.length() < 8) {
            throw new IllegalArgumentException("client secret must be at least 8 characters");
        }
        StoredClient client = new StoredClient(key, name, passwords.encode(secret), EnumSet.copyOf(scopes),
                authority(key, name), clock.instant(), null);
        store.save(client);
        clients.invalidate(key);
        return client;
    }

    public List<ClientView> list() {
        return store.all().stream().map(ClientService::view).toList();
    }

    /** A credential as the source of statements: its authority key is what statements it stored record as authority. */
    public record Source(String key, String name, String authorityKey) {
    }

    /** Every credential, revoked ones too (their statements stay), as a source of statements. */
    public List<Source> sources() {
        return store.all().stream()
                .map(c -> new Source(c.key(), c.name(), org.hipaatraining.lrs.xapimodel.AgentKey.of(c.authority()))).toList();
    }

    public boolean revoke(String key) {
        clients.invalidate(key);
        return store.revoke(key, clock.instant());
    }

    /** The client for a key and secret, if they match a credential that is not revoked. */
    public Optional<XapiClient> authenticate(String key, String secret) {
        StoredClient stored = clients.get(key, k -> store.find(k).orElse(null)); // an unknown key is not kept
        if (stored == null || stored.revoked()) {
            passwords.matches(secret, dummyHash); // as slow as a known key, so timing does not tell which keys exist
            return Optional.empty();
        }
        String matched = key + " " + stored.secretHash();
        byte[] digest = sha256(secret);
        byte[] known = verified.getIfPresent(matched);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return Optional.of(stored.toClient());
        }
        if (!passwords.matches(secret, stored.secretHash())) {
            return Optional.empty();
        }
        verified.put(matched, digest);
        return Optional.of(stored.toClient());
    }

    private ObjectNode authority(String key, String name) {
        ObjectNode authority = XapiJson.MAPPER.createObjectNode();
        authority.put("objectType", "Agent");
        authority.put("name", name);
        authority.putObject("account").put("homePage", server.base() + "/xapi/clients").put("name", key);
        return authority;
    }

    private static ClientView view(StoredClient c) {
        return new ClientView(c.key(), c.name(), c.scopes().stream().map(Scope::value).toList(), c.createdAt(), c.revokedAt());
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
