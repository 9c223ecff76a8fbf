package org.hipaatraining.lrs.xapi.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The xAPI special data types: IRIs, UUIDs, RFC 5646 language tags, ISO 8601 timestamps and durations. */
public final class Formats {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** An absolute IRI: a scheme, a colon and something after it, with no characters IRIs forbid. */
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");

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

    /** ISO 8601 date-time; the offset, when present, is Z or ±hh[[:]mm]. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** ISO 8601 durations: PnYnMnDTnHnMnS (any part may be absent, the last may be decimal), or PnW on its own. */
    private static final Pattern DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(?:\\d+(?:[.,]\\d+)?Y)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?D)?"
                    + "(?:T(?=\\d)(?:\\d+(?:[.,]\\d+)?H)?(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?S)?)?"
                    + "|P\\d+(?:[.,]\\d+)?W");

    private Formats() {
    }

    public static boolean isUuid(String s) {
        return UUID.matcher(s).matches();
    }

    public static boolean isIri(String s) {
        return IRI.matcher(s).matches();
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

    public static boolean isLanguageTag(String s) {
        return LANGUAGE_TAG.matcher(s).matches();
    }

    public static boolean isDuration(String s) {
        return DURATION.matcher(s).matches();
    }

    /**
     * An ISO 8601 timestamp whose fields are in range. The "unknown local offset" forms -00, -0000 and -00:00 are
     * refused: RFC 3339 gives them a meaning xAPI cannot store.
     */
    public static boolean isTimestamp(String s) {
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return false;
        }
        String offset = m.group(8);
        if (offset != null && offset.startsWith("-") && offset.replaceAll("[-:0]", "").isEmpty()) {
            return false;
        }
        if (offset != null && offset.length() > 1) {
            String digits = offset.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            if (hours > 23 || minutes > 59) {
                return false;
            }
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Math.min(second, 59));
            return second <= 60;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
