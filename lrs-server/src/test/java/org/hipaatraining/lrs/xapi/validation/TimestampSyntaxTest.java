package org.hipaatraining.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hipaatraining.lrs.xapimodel.TimestampSyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The xAPI timestamp grammar (ISO 8601 as xAPI profiles it), as a table of accepted and refused forms. */
class TimestampSyntaxTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-01-31T14:05:00Z,            2026-01-31T14:05:00Z",
            "2026-01-31T14:05:00.123Z,        2026-01-31T14:05:00.123Z",
            "'2026-01-31T14:05:00,5Z',        2026-01-31T14:05:00.500Z",
            "2026-01-31T14:05Z,               2026-01-31T14:05:00Z",
            "2026-01-31T14:05:00,             2026-01-31T14:05:00Z",
            "2026-01-31T14:05:00+02:00,       2026-01-31T12:05:00Z",
            "2026-01-31T14:05:00+0200,        2026-01-31T12:05:00Z",
            "2026-01-31T14:05:00-05,          2026-01-31T19:05:00Z",
            "20260131T140500Z,                2026-01-31T14:05:00Z",
            "20260131T140500+0100,            2026-01-31T13:05:00Z",
            "2026-01-31T14:05:00.1234567891Z, 2026-01-31T14:05:00.123456789Z",
            "2026-12-31T23:59:60Z,            2026-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z,            2024-02-29T00:00:00Z"})
    void acceptedFormsNameTheirInstant(String value, String instant) {
        assertThat(TimestampSyntax.parse(value)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {
            "2026-01-31",                   // a date alone
            "2026-01-31 14:05:00Z",         // space instead of T
            "2026-01-31T14:05:00-00:00",    // RFC 3339 unknown local offset
            "2026-01-31T14:05:00-0000",
            "2026-01-31T14:05:00-00",
            "2026-01-31T24:00:00Z",         // hour 24
            "2026-02-30T10:00:00Z",         // no such day
            "2025-02-29T10:00:00Z",         // not a leap year
            "2026-01-31T14:30:60Z",         // a leap second only after minute 59
            "2026-01-31T14:05:00+24:00",    // offset out of range
            "2026-01-31T140500Z",           // extended date with basic time
            "20260131T14:05:00Z",           // basic date with extended time
            "20260131T140500+01:00",        // extended offset in basic format
            "2026-01-31T14:05:00.Z",        // a decimal point without digits
            "1769868300"                    // epoch seconds
    })
    void refusedForms(String value) {
        assertThat(TimestampSyntax.parse(value)).isNull();
    }

    @org.junit.jupiter.api.Test
    void nullAndOverlongValuesAreRefused() {
        assertThat(TimestampSyntax.parse(null)).isNull();
        assertThat(TimestampSyntax.parse("2026-01-31T14:05:00." + "1".repeat(60) + "Z")).isNull();
    }
}
