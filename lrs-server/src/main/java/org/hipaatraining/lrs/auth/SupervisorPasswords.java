package org.hipaatraining.lrs.auth;

import java.security.SecureRandom;

/** Passwords an admin reads out or copies to a supervisor: long enough, and without characters that look alike. */
final class SupervisorPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16; // about 92 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private SupervisorPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-'); // groups of four, easier to read out
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
