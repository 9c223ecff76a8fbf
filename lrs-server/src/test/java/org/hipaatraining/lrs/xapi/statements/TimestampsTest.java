package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the LRS writes: UTC, at least millisecond precision, more only when the client sent more. */
class TimestampsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-01-31T14:05:00Z,              2026-01-31T14:05:00.000Z",
            "2026-01-31T14:05:00.1Z,            2026-01-31T14:05:00.100Z",
            "2026-01-31T16:05:00.123+02:00,     2026-01-31T14:05:00.123Z",
            "2026-01-31T14:05:00.123456Z,       2026-01-31T14:05:00.123456Z",
            "'2026-01-31T09:05:00,123456-05:00', 2026-01-31T14:05:00.123456Z",
            "2026-01-31T14:05,                  2026-01-31T14:05:00.000Z"})
    void toUtcKeepsTheClientsPrecisionButAtLeastMillis(String sent, String stored) {
        assertThat(Timestamps.toUtc(sent)).isEqualTo(stored);
    }

    @Test
    void formatTruncatesToMilliseconds() {
        assertThat(Timestamps.format(Instant.parse("2026-01-31T14:05:00.123999Z"))).isEqualTo("2026-01-31T14:05:00.123Z");
        assertThat(Timestamps.format(Instant.parse("2026-01-31T14:05:00Z"))).isEqualTo("2026-01-31T14:05:00.000Z");
    }

    @Test
    void parseRefusesWhatValidationRefuses() {
        assertThatThrownBy(() -> Timestamps.parse("2026-01-31T14:05:00-00:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an xAPI timestamp");
    }

    @Test
    void aBadQueryParameterIsA400NamingIt() {
        assertThatThrownBy(() -> Timestamps.param("since", "yesterday"))
                .isInstanceOfSatisfying(XapiException.class, e -> assertThat(e.status().value()).isEqualTo(400))
                .hasMessageStartingWith("since: must be an ISO 8601 timestamp");
        assertThatThrownBy(() -> Timestamps.param("until", null)).hasMessageStartingWith("until:");
        assertThat(Timestamps.param("since", "2026-01-31T14:05:00+01:00")).isEqualTo(Instant.parse("2026-01-31T13:05:00Z"));
    }
}
