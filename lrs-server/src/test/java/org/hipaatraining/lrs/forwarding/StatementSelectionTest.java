package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.junit.jupiter.api.Test;

class StatementSelectionTest {

    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    private static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    private static StoredStatement statement(String verb, String activity, List<String> context, String clientKey) {
        String json = "{\"authority\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lrs/xapi/clients\",\"name\":\""
                + clientKey + "\"}}}";
        List<String> related = new java.util.ArrayList<>(context);
        related.add(0, activity);
        return new StoredStatement("id-" + verb.hashCode(), "mbox|a@b", verb, activity, related, null, null,
                Instant.EPOCH, false, json, null);
    }

    @Test
    void anEmptySelectionTakesEverything() {
        assertThat(StatementSelection.EVERYTHING.matches(statement(ANSWERED, "urn:x", List.of(), "moodle"), null)).isTrue();
    }

    @Test
    void verbsActivitiesAndSourcesMustAllMatch() {
        StatementSelection s = new StatementSelection(List.of(COMPLETED), List.of(PRIVACY + "*"), List.of("moodle"));

        assertThat(s.matches(statement(COMPLETED, PRIVACY, List.of(), "moodle"), null)).isTrue();
        assertThat(s.matches(statement(COMPLETED, PRIVACY + "/lesson-2", List.of(), "moodle"), null)).as("prefix").isTrue();
        assertThat(s.matches(statement(COMPLETED, "urn:quiz:1", List.of(PRIVACY), "moodle"), null)).as("context").isTrue();
        assertThat(s.matches(statement(ANSWERED, PRIVACY, List.of(), "moodle"), null)).as("verb").isFalse();
        assertThat(s.matches(statement(COMPLETED, "urn:other", List.of(), "moodle"), null)).as("activity").isFalse();
        assertThat(s.matches(statement(COMPLETED, PRIVACY, List.of(), "canvas"), null)).as("source").isFalse();
    }

    @Test
    void anActivityWithoutStarMatchesExactly() {
        StatementSelection s = new StatementSelection(List.of(), List.of(PRIVACY), List.of());

        assertThat(s.matches(statement(COMPLETED, PRIVACY, List.of(), "x"), null)).isTrue();
        assertThat(s.matches(statement(COMPLETED, PRIVACY + "/lesson-2", List.of(), "x"), null)).isFalse();
    }

    @Test
    void aVoidingStatementGoesWhereTheStatementItVoidsWent() {
        StatementSelection s = new StatementSelection(List.of(COMPLETED), List.of(), List.of());
        StoredStatement voiding = new StoredStatement("v", "mbox|a@b", "http://adlnet.gov/expapi/verbs/voided", null,
                List.of(), null, "target-id", Instant.EPOCH, false, "{}", null);

        assertThat(s.matches(voiding, statement(COMPLETED, PRIVACY, List.of(), "x"))).isTrue();
        assertThat(s.matches(voiding, statement(ANSWERED, PRIVACY, List.of(), "x"))).isFalse();
        assertThat(s.matches(voiding, null)).as("unknown target, selective target").isFalse();
        assertThat(StatementSelection.EVERYTHING.matches(voiding, null)).isTrue();
    }
}
