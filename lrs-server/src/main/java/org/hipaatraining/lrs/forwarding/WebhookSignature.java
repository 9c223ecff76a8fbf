package org.hipaatraining.lrs.forwarding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook and NDJSON delivery (docs/forwarding.md#signatures): HMAC-SHA256, keyed with the
 * target's secret, over the timestamp (Unix seconds, as sent in {@link #TIMESTAMP}), a '.', and the body's bytes;
 * sent hex-encoded as {@code v1=<hex>} in {@link #SIGNATURE}. The timestamp is signed so a captured request cannot be
 * replayed later; the receiver refuses timestamps far from its own clock.
 */
public final class WebhookSignature {

    public static final String SIGNATURE = "X-Hipaa-Signature";
    public static final String TIMESTAMP = "X-Hipaa-Timestamp";
    public static final String EVENT_ID = "X-Hipaa-Event-Id";
    public static final String EVENT_TYPE = "X-Hipaa-Event";

    private WebhookSignature() {
    }

    /** The {@link #SIGNATURE} header value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /** The receiver's check: the signature is right for this body and timestamp (compared in constant time). */
    public static boolean verify(String secret, long timestamp, byte[] body, String header) {
        if (header == null || !header.startsWith("v1=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(secret, timestamp, body));
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
