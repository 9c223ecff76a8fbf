package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hipaatraining.lrs.system.ServerSecrets;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.springframework.stereotype.Component;

/**
 * Issues and checks {@code more} tokens: the continuation's JSON, then an HMAC-SHA256 of it under a key every server
 * instance shares (so any instance serves the next page). A token this LRS did not issue, or one altered in any byte,
 * is refused before its fields are read; the fields are then checked anyway (the page size may have been lowered since).
 */
@Component
class MoreTokens {

    static final String KEY_NAME = "xapi-more-token-hmac";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any token the LRS writes (a few hundred characters), so a huge forged one is refused unread. */
    private static final int MAX_LENGTH = 8_192;

    private final ServerSecrets secrets;
    private final StatementSettings settings;
    private volatile SecretKeySpec key;

    MoreTokens(ServerSecrets secrets, StatementSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    String issue(StatementQuery query, PageCursor after) {
        byte[] payload = new MoreToken(query, after).toJson();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    MoreToken read(String token) {
        int dot = token.indexOf('.');
        if (token.length() > MAX_LENGTH || dot < 0) {
            throw forged();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw forged();
        }
        return MoreToken.fromJson(new String(payload, StandardCharsets.UTF_8), settings.pageSize())
                .orElseThrow(MoreTokens::forged);
    }

    private static XapiException forged() {
        return XapiException.badRequest("more: not a continuation this LRS issued; start again from the first page");
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(secrets.key(KEY_NAME), ALGORITHM);
            key = k;
        }
        return k;
    }
}
