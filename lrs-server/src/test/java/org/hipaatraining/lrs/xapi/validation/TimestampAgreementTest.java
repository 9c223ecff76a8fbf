package org.hipaatraining.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;

import org.hipaatraining.lrs.xapimodel.Formats;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation ({@link Formats#isTimestamp}) and parsing ({@link Timestamps#parse}) must agree on every row: a timestamp
 * the LRS accepts always parses, to the instant it names; one it refuses is refused everywhere (statement, since, until).
 */
class TimestampAgreementTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // extended format, the usual forms
                valid("2026-11-22T10:15:30Z", "2026-11-22T10:15:30Z"),
                valid("2026-11-22T10:15:30.123Z", "2026-11-22T10:15:30.123Z"),
                valid("2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.100Z"),
                valid("2026-11-22T10:15:30,5Z", "2026-11-22T10:15:30.500Z"),
                valid("2026-11-22T10:15:30.123456+05:30", "2026-11-22T04:45:30.123456Z"),
                valid("2026-11-22T10:15:30.123456789Z", "2026-11-22T10:15:30.123456789Z"),
                valid("2026-11-22T10:15:30-0800", "2026-11-22T18:15:30Z"),
                valid("2026-11-22T10:15:30+01", "2026-11-22T09:15:30Z"),
                valid("2008-09-15T15:53:00.601+00:00", "2008-09-15T15:53:00.601Z"),
                valid("2026-11-22T10:15Z", "2026-11-22T10:15:00Z"),
                valid("2026-11-22T10:15:30", "2026-11-22T10:15:30Z"),
                valid("2026-11-22T10:15", "2026-11-22T10:15:00Z"),
                valid("2026-11-22T10:15:30.123", "2026-11-22T10:15:30.123Z"),
                valid("2026-11-22T23:59:59.999-12:00", "2026-11-23T11:59:59.999Z"),
                valid("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
                valid("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
                valid("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
                // more than nine fraction digits: ISO 8601 sets no limit; past the nanosecond they are dropped
                valid("2026-01-01T00:00:00.9999999999999Z", "2026-01-01T00:00:00.999999999Z"),
                valid("2026-01-01T00:00:00.1234567890123456789012345+02:00", "2025-12-31T22:00:00.123456789Z"),
                // a leap second counts as the second before it
                valid("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"),
                valid("2016-12-31T23:59:60.5Z", "2016-12-31T23:59:59.500Z"),
                valid("2017-01-01T00:59:60+01:00", "2016-12-31T23:59:59Z"),
                // basic format
                valid("20261122T101530Z", "2026-11-22T10:15:30Z"),
                valid("20261122T101530.25+0530", "2026-11-22T04:45:30.250Z"),
                valid("20261122T1015Z", "2026-11-22T10:15:00Z"),
                valid("20261122T101530-05", "2026-11-22T15:15:30Z"),
                // refused
                invalid("2026-11-22"),
                invalid(""),
                invalid("should fail"),
                invalid("01/011/2015"),
                invalid("2026-13-01T00:00:00Z"),
                invalid("2026-02-30T00:00:00Z"),
                invalid("2025-02-29T00:00:00Z"),
                invalid("2026-11-22T25:00:00Z"),
                invalid("2026-11-22T24:00:00Z"),
                invalid("2026-11-22T10:60:00Z"),
                invalid("2026-11-22T10:15:60Z"),
                invalid("2026-11-22T10:15:61Z"),
                invalid("2008-09-15T15:53:00.601-00"),
                invalid("2008-09-15T15:53:00.601-0000"),
                invalid("2008-09-15T15:53:00.601-00:00"),
                invalid("2026-11-22T10:15:30+24:00"),
                invalid("2026-11-22T10:15:30+05:60"),
                invalid("2026-11-22T10:15:30.Z"),
                invalid("2026-11-22T10:15:30ZZ"),
                invalid("2026-11-22t10:15:30z"),
                invalid("2026-11-22 10:15:30Z"),
                invalid("+10000-01-01T00:00:00Z"),
                invalid("-0001-01-01T00:00:00Z"),
                invalid("26-11-22T10:15:30Z"),
                invalid("2026-11-22T10Z"),
                invalid("2026-11-22T101530Z"),
                invalid("20261122T10:15:30Z"),
                invalid("20261122T101530+05:30"),
                invalid("2026-W47-7T10:15:30Z"),
                invalid("2026-326T10:15:30Z"),
                invalid("2026-11-22T10:15:30.123Z" + "0".repeat(60)),
                invalid("2026-11-22T10:15:30.١٢٣Z"),
                invalid("２０２６-11-22T10:15:30Z"),
                invalid("2026-11-22T10:15:30\nZ"));
    }

    private static Arguments valid(String timestamp, String instant) {
        return Arguments.of(timestamp, Instant.parse(instant));
    }

    private static Arguments invalid(String timestamp) {
        return Arguments.of(timestamp, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void validationAndParsingAgree(String timestamp, Instant expected) {
        assertThat(Formats.isTimestamp(timestamp)).isEqualTo(expected != null);
        if (expected != null) {
            assertThat(Timestamps.parse(timestamp)).isEqualTo(expected);
            assertThat(Timestamps.param("since", timestamp)).isEqualTo(expected);
            assertThat(Timestamps.parse(Timestamps.toUtc(timestamp))).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> Timestamps.param("since", timestamp)).isInstanceOf(XapiException.class)
                    .hasMessageStartingWith("since: ");
            assertThatThrownBy(() -> Timestamps.parse(timestamp)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
