package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.time.LocalDateTime;
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

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** Parses a timestamp already checked by {@code Formats.isTimestamp}; one without an offset is taken as UTC. */
    public static Instant parse(String value) {
        if (value.length() >= 20 && value.charAt(value.length() - 1) == 'Z' && value.charAt(10) == 'T' && value.indexOf(',') < 0) {
            try {
                return Instant.parse(value); // the common, canonical form (every stored time): the fast parser
            } catch (java.time.format.DateTimeParseException e) {
                // e.g. no seconds: the lenient parser below decides
            }
        }
        var parsed = LENIENT.parse(value.replace(',', '.'));
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        return local.toInstant(offset);
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
