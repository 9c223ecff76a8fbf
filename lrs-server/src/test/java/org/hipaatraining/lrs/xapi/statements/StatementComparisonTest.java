package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** xAPI Data, Statement Comparison Requirements: when a statement sent again with the same id is the same statement. */
class StatementComparisonTest {

    private static final String STORED = """
            {"id":"5d7a4b1e-54c3-4a76-9c1b-0f2a7f7c8e11",
             "actor":{"objectType":"Agent","mbox":"mailto:ana@clinic.example"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
             "object":{"objectType":"Activity","id":"https://hipaatraining.org/courses/privacy"},
             "result":{"score":{"scaled":0.8},"duration":"PT4M30.12S"},
             "context":{"registration":"a1b2c3d4-0000-4000-8000-000000000001",
                        "contextActivities":{"parent":[{"id":"https://hipaatraining.org/programs/2026"}]}},
             "timestamp":"2026-01-31T14:05:00.000Z",
             "stored":"2026-01-31T14:05:01.000Z",
             "authority":{"objectType":"Agent","account":{"homePage":"https://lrs.example","name":"client"}},
             "version":"1.0.3"}
            """;

    private static JsonNode json(String text) {
        return XapiJson.parse(text, "statement");
    }

    private static boolean same(String incoming) {
        return StatementComparison.same(json(incoming), false, json(STORED));
    }

    @Test
    void propertiesTheLrsSetsAreIgnored() {
        String sent = STORED.replace("\"stored\":\"2026-01-31T14:05:01.000Z\",", "")
                .replace("\"version\":\"1.0.3\"", "\"version\":\"1.0.0\"")
                .replace("\"name\":\"client\"", "\"name\":\"another-client\"");
        assertThat(same(sent)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            default objectTypes omitted   | "objectType":"Agent",                                  | ''
            upper-case UUIDs              | a1b2c3d4-0000-4000-8000-000000000001                   | A1B2C3D4-0000-4000-8000-000000000001
            equivalent timestamp          | 2026-01-31T14:05:00.000Z                               | 2026-01-31T15:05:00+01:00
            score written as 0.80         | "scaled":0.8                                           | "scaled":0.80
            duration past hundredths      | PT4M30.12S                                             | PT4M30.129S
            single context activity       | "parent":[{"id":"https://hipaatraining.org/programs/2026"}] | "parent":{"id":"https://hipaatraining.org/programs/2026"}
            """)
    void equivalentFormsAreTheSameStatement(String name, String from, String to) {
        assertThat(STORED).contains(from);
        assertThat(same(STORED.replace(from, to))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another verb                | verbs/completed         | verbs/passed
            another score               | "scaled":0.8            | "scaled":0.81
            another actor               | ana@clinic.example      | ann@clinic.example
            a later timestamp           | 14:05:00.000Z           | 14:05:00.001Z
            duration by a hundredth     | PT4M30.12S              | PT4M30.13S
            objectType case             | "objectType":"Activity" | "objectType":"activity"
            """)
    void realDifferencesMakeAnotherStatement(String name, String from, String to) {
        assertThat(STORED).contains(from);
        assertThat(same(STORED.replace(from, to))).isFalse();
    }

    @Test
    void aTimestampTheLrsAddedIsNotPartOfTheStatementAsSent() {
        String storedWithLrsTimestamp = STORED.replace("\"timestamp\":\"2026-01-31T14:05:00.000Z\"",
                "\"timestamp\":\"2026-01-31T14:05:01.000Z\"");
        String sentWithout = STORED.replace("\"timestamp\":\"2026-01-31T14:05:00.000Z\",", "");
        JsonNode sentWithLrsTimestamp = json(STORED.replace("2026-01-31T14:05:00.000Z", "2026-02-01T09:00:00.000Z"));
        assertThat(StatementComparison.same(json(sentWithout), false, json(storedWithLrsTimestamp))).isTrue();
        assertThat(StatementComparison.same(sentWithLrsTimestamp, true, json(storedWithLrsTimestamp))).isTrue();
        assertThat(StatementComparison.same(sentWithLrsTimestamp, false, json(storedWithLrsTimestamp))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT4M30.129S, PT4M30.12S", "'PT1,5S', PT1.5S", "PT30S, PT30S", "PT1H, PT1H", "P1D, P1D"})
    void durationsCompareToTheHundredth(String duration, String normalised) {
        assertThat(StatementComparison.normaliseDuration(duration)).isEqualTo(normalised);
    }
}
