package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Grades back to the LMS (AGS): a pass recorded for a learner who launched a graded link becomes exactly one score on
 * the link's line item, posted with a token from the client_credentials grant, and retried after a platform error.
 */
class LtiGradesTest extends LtiIntegrationTest {

    @Autowired
    Catalogue catalogue;

    @Test
    void aPassRecordedAfterALaunchIsPostedAsExactlyOneScore() {
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of("module", "privacy"));
        assertThat(launch(launch).statusCode()).isEqualTo(302);

        String statementId = pass(launch.sub(), "privacy", 0.9);

        waitFor(() -> platform.scores.size() == 1, "the score to arrive");
        JsonNode score = XapiJson.parse(platform.scores.get(0), "score");
        assertThat(score.get("userId").asString()).isEqualTo(launch.sub());
        assertThat(score.get("scoreGiven").asDouble()).isEqualTo(90.0);
        assertThat(score.get("scoreMaximum").asDouble()).isEqualTo(100.0);
        assertThat(score.get("activityProgress").asString()).isEqualTo("Completed");
        assertThat(score.get("gradingProgress").asString()).isEqualTo("FullyGraded");
        assertThat(Instant.parse(score.get("timestamp").asString())).isNotNull();
        assertThat(platform.scorePaths.get(0)).endsWith("/lineitem/scores?type_id=1");
        assertThat(platform.tokenScopes.get(0).split(" ")).contains(LtiClaims.SCOPE_LINEITEM, LtiClaims.SCOPE_SCORE);

        // launching again and storing the same statement again changes nothing; several sweeps pass meanwhile
        assertThat(launch(launch).statusCode()).isEqualTo(302);
        xapi.putJson("/xapi/statements", passed(statementId, launch.sub(), "privacy", 0.9), Map.of("statementId", statementId));
        staysTrue(Duration.ofSeconds(3), () -> platform.scores.size() == 1 && platform.scoreCalls.get() == 1,
                "exactly one score posted");
    }

    @Test
    void aScoreThePlatformFailedToTakeIsRetriedUntilAcceptedAndPostedOnce() {
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of("module", "breach"));
        assertThat(launch(launch).statusCode()).isEqualTo(302);
        platform.failNextScores.set(2);

        pass(launch.sub(), "breach", 1.0);

        waitFor(() -> platform.scores.size() == 1, "the score to be accepted after two 500s");
        assertThat(platform.scoreCalls.get()).isEqualTo(3);
        staysTrue(Duration.ofMillis(2500), () -> platform.scores.size() == 1, "the score to stay posted once");
        assertThat(XapiJson.parse(platform.scores.get(0), "score").get("scoreGiven").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aPassBeforeTheFirstLaunchOrOfAnotherModuleIsNotAGrade() {
        String sub = "user-" + UUID.randomUUID();
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink(sub, Map.of("module", "security"));
        assertThat(launch(launch).statusCode()).isEqualTo(302);
        pass(sub, "privacy", 1.0);
        staysTrue(Duration.ofMillis(2500), platform.scores::isEmpty, "no score to be posted");
    }

    @Test
    void aRolesCourseIsGradedWhenEveryModuleOfTheRoleIsPassed() {
        String sub = "user-" + UUID.randomUUID();
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink(sub, Map.of("role", "everyone"));
        assertThat(launch(launch).statusCode()).isEqualTo(302);
        List<String> modules = catalogue.role("everyone").orElseThrow().moduleIds();
        for (int i = 0; i < modules.size() - 1; i++) {
            pass(sub, modules.get(i), 0.8);
        }
        staysTrue(Duration.ofMillis(2500), platform.scores::isEmpty, "no score to be posted");

        pass(sub, modules.get(modules.size() - 1), 1.0);

        waitFor(() -> platform.scores.size() == 1, "the course score");
        double expected = Math.round((0.8 * (modules.size() - 1) + 1.0) / modules.size() * 10000) / 100.0;
        assertThat(XapiJson.parse(platform.scores.get(0), "score").get("scoreGiven").asDouble()).isEqualTo(expected);
    }

    /** Stores a passed statement as our package sends it, for the platform account {issuer, sub}. */
    private String pass(String sub, String moduleId, double scaled) {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> stored = xapi.postJson("/xapi/statements", passed(id, sub, moduleId, scaled));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return id;
    }

    private String passed(String id, String sub, String moduleId, double scaled) {
        return """
                {"id": "%s", "actor": {"objectType": "Agent", "account": {"homePage": "%s", "name": "%s"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                 "object": {"objectType": "Activity", "id": "%s"},
                 "result": {"success": true, "completion": true, "score": {"scaled": %s}},
                 "timestamp": "%s"}""".formatted(id, platform.issuer(), sub,
                catalogue.module(moduleId).orElseThrow().iri(), scaled, Instant.now());
    }

    private static void waitFor(Callable<Boolean> condition, String what) {
        await(what).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    /** A negative check: the condition holds for the whole period (several grade sweeps), failing as soon as it breaks. */
    private static void staysTrue(Duration period, Callable<Boolean> condition, String what) {
        await(what).during(period).atMost(period.plusSeconds(5)).pollInterval(Duration.ofMillis(100)).until(condition);
    }
}
