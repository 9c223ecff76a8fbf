package org.hipaatraining.lrs.xapimodel;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of xAPI timestamps, used both to validate and to parse, so that nothing the LRS accepts can fail
 * to parse later (in a query, a comparison or the compliance projection).
 * <p>
 * ISO 8601 as xAPI profiles it: a calendar date and a time of day, both in extended format ({@code 2026-01-31T14:05:00Z})
 * or both in basic format ({@code 20260131T140500Z}); seconds optional; a decimal fraction of the second with any number
 * of digits ({@code .} or {@code ,}), kept to the nanosecond; an offset {@code Z}, {@code ±hh}, {@code ±hhmm} or
 * {@code ±hh:mm} (extended only), or none (taken as UTC). A leap second ({@code :60} after minute 59) counts as the
 * second before it. Refused: the "unknown local offset" {@code -00}, {@code -0000}, {@code -00:00} (RFC 3339 gives them
 * a meaning xAPI cannot store, and the conformance suite expects 400), hour 24, out-of-range fields.
 */
public final class TimestampSyntax {

    private static final Pattern EXTENDED = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final Pattern BASIC = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(?:(\\d{2})(?:[.,](\\d+))?)?(Z|[+-]\\d{2}(?:\\d{2})?)?");

    private static final int NANO_DIGITS = 9;

    private TimestampSyntax() {
    }

    /** The instant a timestamp names, or {@code null} when it is not one this grammar accepts. */
    public static Instant parse(String value) {
        if (value == null || value.length() > 64) {
            return null;
        }
        Matcher m = EXTENDED.matcher(value);
        if (!m.matches()) {
            m = BASIC.matcher(value);
            if (!m.matches()) {
                return null;
            }
        }
        ZoneOffset offset = offset(m.group(8));
        if (offset == null) {
            return null;
        }
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (second == 60 && minute == 59) {
            second = 59;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), minute, second, nanos(m.group(7)));
            return LocalDateTime.of(date, time).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Digits past the nanosecond are dropped (truncated: rounding could carry into the next day or year). */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String digits = fraction.length() > NANO_DIGITS ? fraction.substring(0, NANO_DIGITS) : fraction;
        return Integer.parseInt(digits) * (int) Math.pow(10, NANO_DIGITS - digits.length());
    }

    /** UTC when absent; null when malformed or the unknown-offset form. */
    private static ZoneOffset offset(String offset) {
        if (offset == null || offset.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (hours > 23 || minutes > 59 || (offset.charAt(0) == '-' && hours == 0 && minutes == 0)) {
            return null;
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
