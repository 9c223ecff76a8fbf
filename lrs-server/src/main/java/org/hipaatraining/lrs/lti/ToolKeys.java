package org.hipaatraining.lrs.lti;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tool's own RSA keys ({@code lti_tool_keys}): the newest signs deep linking responses and client assertions; every
 * key stays published at {@code /lti/jwks} until an admin removes it, so platforms can still verify what an older key
 * signed after a rotation. Kept in MongoDB so every server instance signs with the same key.
 */
@Service
public class ToolKeys implements DeclaresIndexes {

    static final String KEYS = "lti_tool_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    ToolKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A key as admins see it: never the private part. */
    public record KeyView(String kid, Instant createdAt, boolean signing) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(KEYS, new Document("createdAt", 1)));
    }

    /** The public keys, newest first, as a JWK set. */
    public Map<String, Object> publicJwks() {
        List<JWK> keys = new ArrayList<>();
        for (RSAKey key : keys()) {
            keys.add(key.toPublicJWK());
        }
        return new JWKSet(keys).toJSONObject(true);
    }

    public List<KeyView> list() {
        List<RSAKey> keys = keys();
        List<KeyView> views = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            views.add(new KeyView(keys.get(i).getKeyID(), keys.get(i).getIssueTime().toInstant(), i == 0));
        }
        return views;
    }

    /** A new signing key; the old ones stay published. */
    public KeyView rotate() {
        RSAKey key = generate();
        return new KeyView(key.getKeyID(), key.getIssueTime().toInstant(), true);
    }

    /** Stops publishing a key. The signing key cannot be removed: rotate first. */
    public void remove(String kid) {
        List<RSAKey> keys = keys();
        if (keys.stream().noneMatch(k -> k.getKeyID().equals(kid))) {
            throw LtiException.notFound("no tool key with kid " + kid);
        }
        if (keys.get(0).getKeyID().equals(kid)) {
            throw new LtiException(HttpStatus.CONFLICT, "key " + kid + " signs the tool's messages; rotate before removing it");
        }
        mongo.getCollection(KEYS).deleteOne(Filters.eq("_id", kid));
    }

    /** Signs claims with the current key (RS256, with its kid so platforms find it in the JWKS). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign with tool key " + key.getKeyID(), e);
        }
    }

    RSAKey signingKey() {
        List<RSAKey> keys = keys();
        return keys.isEmpty() ? generate() : keys.get(0);
    }

    /** Every stored key, newest first; the first call on an empty store makes one. */
    private List<RSAKey> keys() {
        List<RSAKey> keys = new ArrayList<>();
        for (Document d : mongo.getCollection(KEYS).find().sort(Sorts.descending("createdAt"))) {
            try {
                keys.add(RSAKey.parse(d.getString("jwk")));
            } catch (ParseException e) {
                throw new IllegalStateException("tool key " + d.get("_id") + " is not a readable JWK", e);
            }
        }
        if (keys.isEmpty()) {
            keys.add(generate());
        }
        return keys;
    }

    private RSAKey generate() {
        Instant now = clock.instant();
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(Date.from(now)).generate();
            mongo.getCollection(KEYS).insertOne(new Document("_id", key.getKeyID()).append("jwk", key.toJSONString())
                    .append("createdAt", Date.from(now)));
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }
}
