package org.hipaatraining.lrs.xapimodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;


/** Parsing and writing xAPI timestamps. The LRS writes UTC with exactly millisecond precision. */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Parses a timestamp already checked by {@code Formats.isTimestamp} (a stored one, say); one without an offset is
     * taken as UTC. Both use {@link TimestampSyntax}, so what validation accepts always parses.
     */
    public static Instant parse(String value) {
        Instant instant = TimestampSyntax.parse(value);
        if (instant == null) {
            throw new IllegalArgumentException("not an xAPI timestamp: '" + value + "'");
        }
        return instant;
    }

    /** A timestamp query parameter ({@code since}, {@code until}), or a 400 naming it. */
    public static Instant param(String name, String value) {
        Instant instant = value == null ? null : TimestampSyntax.parse(value);
        if (instant == null) {
            throw XapiException.badRequest(name + ": must be an ISO 8601 timestamp such as 2026-11-22T14:05:00.000Z");
        }
        return instant;
    }

    /** The same instant written in UTC, keeping the precision the client gave (at least milliseconds). */
    public static String toUtc(String value) {
        Instant instant = parse(value);
        String fraction = value.replaceFirst("^[^.,]*(?:[.,](\\d+))?.*$", "$1");
        if (fraction.length() <= 3) {
            return format(instant);
        }
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z";
    }

    public static String format(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
