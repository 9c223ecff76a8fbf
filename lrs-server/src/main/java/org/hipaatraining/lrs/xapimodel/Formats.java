package org.hipaatraining.lrs.xapimodel;

import java.util.regex.Pattern;

/** The xAPI special data types: IRIs, UUIDs, RFC 5646 language tags, ISO 8601 timestamps and durations. */
public final class Formats {

    private static final java.util.Set<String> KNOWN_TAGS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Pattern MBOX = Pattern.compile("mailto:[^@\\s:/]+@[^@\\s/]+");

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    /** SHA-224, 256, 384 or 512 as hex. */
    private static final Pattern SHA2_HEX = Pattern.compile("[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}");

    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})"
                    + "(?:-[A-Za-z]{4})?"
                    + "(?:-(?:[A-Za-z]{2}|\\d{3}))?"
                    + "(?:-(?:[A-Za-z0-9]{5,8}|\\d[A-Za-z0-9]{3}))*"
                    + "(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
                    + "(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?)"
                    + "|[xX](?:-[A-Za-z0-9]{1,8})+"
                    + "|(?i:en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao"
                    + "|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)");

    /** ISO 8601 durations: PnYnMnDTnHnMnS (any part may be absent, the last may be decimal), or PnW on its own. */
    private static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(?:\\d+(?:[.,]\\d+)?Y)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?D)?"
                    + "(?:T(?=\\d)(?:\\d+(?:[.,]\\d+)?H)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?S)?)?"
                    + "|P\\d+(?:[.,]\\d+)?W");

    /** ASCII characters an IRI cannot contain, looked up rather than tested: every statement has a dozen IRIs. */
    private static final boolean[] NOT_IN_IRI = new boolean[128];

    static {
        for (char c = 0; c < NOT_IN_IRI.length; c++) {
            NOT_IN_IRI[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || "<>\"{}|\\^`".indexOf(c) >= 0;
        }
    }

    private Formats() {
    }

    /** 8-4-4-4-12 hex digits; checked by hand because it runs for every id on the ingest path. */
    public static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * An absolute IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon, and at least one
     * character, none of them white space or {@code <>"{}|\^`}. Checked by hand: every statement has several.
     */
    public static boolean isIri(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < NOT_IN_IRI.length ? NOT_IN_IRI[c] : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isMbox(String s) {
        return MBOX.matcher(s).matches();
    }

    public static boolean isSha1Hex(String s) {
        return SHA1_HEX.matcher(s).matches();
    }

    public static boolean isSha2Hex(String s) {
        return SHA2_HEX.matcher(s).matches();
    }

    /** Language tags repeat (en-US, es): the ones already found valid are remembered, up to a bound. */
    public static boolean isLanguageTag(String s) {
        if (KNOWN_TAGS.contains(s)) {
            return true;
        }
        boolean valid = LANGUAGE_TAG.matcher(s).matches();
        if (valid && KNOWN_TAGS.size() < 1_000) {
            KNOWN_TAGS.add(s);
        }
        return valid;
    }

    public static boolean isDuration(String s) {
        return DURATION.matcher(s).matches();
    }

    /** An ISO 8601 timestamp as {@link TimestampSyntax} defines it (the parser uses the same grammar). */
    public static boolean isTimestamp(String s) {
        return TimestampSyntax.parse(s) != null;
    }
}
