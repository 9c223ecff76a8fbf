package org.hipaatraining.lrs.auth;

import java.util.Optional;

/**
 * Authenticates the short-lived launch tokens another feature hands out (the cmi5 fetch URL's {@code auth-token}).
 * They arrive as HTTP Basic like client credentials; keys that start with {@link #KEY_PREFIX} are launch tokens and
 * are never looked up as clients (client keys cannot take that prefix).
 */
public interface LaunchTokenAuthenticator {

    /** The start of every launch token's key. */
    String KEY_PREFIX = "launch.";

    /** The restricted credential for a token's key and secret, if they match a live token. */
    Optional<XapiClient> authenticate(String key, String secret);
}
