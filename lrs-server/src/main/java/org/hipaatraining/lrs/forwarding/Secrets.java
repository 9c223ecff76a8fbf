package org.hipaatraining.lrs.forwarding;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Secrets of targets: made at random, and shown back only by their last characters. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new signing secret: 32 random bytes, hex. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** "••••" and the last four characters of a long secret; a short one is not shown at all. */
    static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return secret.length() >= 16 ? "••••" + secret.substring(secret.length() - 4) : "••••";
    }
}
