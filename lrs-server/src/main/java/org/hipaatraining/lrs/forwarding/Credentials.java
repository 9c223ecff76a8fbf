package org.hipaatraining.lrs.forwarding;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How deliveries to an LRS or NDJSON target authenticate: none, HTTP Basic (username and secret) or a bearer token
 * (the secret). Shown back only {@link #masked()}.
 */
public record Credentials(Kind kind, String username, String secret) {

    public enum Kind { NONE, BASIC, BEARER }

    static final Credentials NONE = new Credentials(Kind.NONE, null, null);

    /** The Authorization header value, or null. */
    String authorization() {
        return switch (kind) {
            case NONE -> null;
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
            case BEARER -> "Bearer " + secret;
        };
    }

    /** What pages and the API show: the kind, the username and at most the secret's last four characters. */
    public Masked masked() {
        return new Masked(kind, username, Secrets.mask(secret));
    }

    public record Masked(Kind kind, String username, String secret) {
    }
}
