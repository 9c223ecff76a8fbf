package org.hipaatraining.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipaatraining.lrs.xapimodel.Formats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://adlnet.gov/expapi/verbs/completed", "https://hipaa-training.org/xapi/a.b$c",
            "urn:uuid:6b1e8a4e-1111-4111-8111-111111111111", "mailto:a@b.org", "tag:clinic.example,2026:x", "a+b-c.d:x",
            "http://例え.テスト/パス"})
    void acceptsAbsoluteIris(String iri) {
        assertThat(Formats.isIri(iri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "completed", "://no-scheme", "1http://x", "http:", "http://a b", "http://a<b>",
            "http://x/\"q\"", "http://x/{y}", "ht tp://x", "http://x/\u00a0"})
    void refusesWhatIsNotAnAbsoluteIri(String iri) {
        assertThat(Formats.isIri(iri)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6b1e8a4e-1111-4111-8111-111111111111", "6B1E8A4E-AAAA-4111-8111-111111111111"})
    void acceptsUuids(String uuid) {
        assertThat(Formats.isUuid(uuid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6b1e8a4e-1111-4111-8111-11111111111", "6b1e8a4e11114111811111111111111111111",
            "6b1e8a4e-1111-4111-8111-11111111111g", "{6b1e8a4e-1111-4111-8111-111111111111}"})
    void refusesMalformedUuids(String uuid) {
        assertThat(Formats.isUuid(uuid)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "es-419", "zh-Hant-TW", "de-CH-1996", "x-private", "i-klingon", "sgn-BE-FR"})
    void acceptsLanguageTags(String tag) {
        assertThat(Formats.isLanguageTag(tag)).isTrue();
        assertThat(Formats.isLanguageTag(tag)).isTrue(); // and again, from the remembered set
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "englishman", "en_US", "en-", "-en", "e", "en-US-"})
    void refusesMalformedLanguageTags(String tag) {
        assertThat(Formats.isLanguageTag(tag)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30Z", "2026-11-22T10:15:30.123Z", "2026-11-22T10:15:30.123456+05:30",
            "2026-11-22T10:15:30-0800", "2026-11-22T10:15:30+00:00", "2026-11-22T10:15Z", "2026-11-22T10:15:30"})
    void acceptsIso8601Timestamps(String timestamp) {
        assertThat(Formats.isTimestamp(timestamp)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-22T25:00:00Z",
            "2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000", "2008-09-15T15:53:00.601-00:00",
            "01/011/2015", "2026-11-22T10:15:30+24:00"})
    void refusesInvalidTimestamps(String timestamp) {
        assertThat(Formats.isTimestamp(timestamp)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT4M30S", "P1DT12H36M0.12567S", "P3Y6M4DT12H30M5S", "P4W", "PT0.5S", "P1D"})
    void acceptsIso8601Durations(String duration) {
        assertThat(Formats.isDuration(duration)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "PT", "4M", "P4W1D", "PT4M30", "P1DT", "-PT1S", "PT1.S"})
    void refusesInvalidDurations(String duration) {
        assertThat(Formats.isDuration(duration)).isFalse();
    }
}
