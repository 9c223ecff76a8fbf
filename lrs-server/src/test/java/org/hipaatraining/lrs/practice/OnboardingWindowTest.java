package org.hipaatraining.lrs.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.PracticeProfileRestore;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The practice's onboarding window, changed on /api/practice, moves a new hire's due dates in the kept statuses. */
@ExtendWith(PracticeProfileRestore.class)
class OnboardingWindowTest extends LrsIntegrationTest {

    @Test
    void changingTheWindowMovesANewHiresDueDateAndTheKeptStatusesEqualARecompute() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner hire = practice.person("Noor Haddad " + practice.run, "noor", List.of("front-desk"), 2, "Maria Lopez");
        // a role change long after hire keeps the role's own onboarding days
        Learner veteran = practice.person("Ray Cole " + practice.run, "ray", List.of("everyone"), 400, "Maria Lopez");
        ok(practice.admin().putJson("/api/roster/people/" + veteran.id() + "/roles",
                "{\"roles\":[\"everyone\",\"billing\"],\"effective\":\"" + practice.today.minusDays(1) + "\"}", Map.of()));
        var hired = practice.today.minusDays(2);

        save(practice, "{\"name\":\"Window Clinic " + practice.run + "\",\"onboardingWindowDays\":14}");
        awaitDue(practice, hire, "privacy", hired.plusDays(14).toString(), false);

        save(practice, "{\"name\":\"Window Clinic " + practice.run + "\",\"trainingBeforeAccess\":true,\"onboardingWindowDays\":5}");
        awaitDue(practice, hire, "privacy", hired.plusDays(5).toString(), true);
        JsonNode listed = find(XapiHttp.json(practice.admin().get("/api/compliance/status?module=privacy")), hire.id());
        assertThat(listed.get("dueDate").asString()).isEqualTo(hired.plusDays(5).toString());
        assertThat(practice.admin().get("/api/reports/status.csv?module=privacy").body()).contains("Due before system access");

        JsonNode billing = practice.statuses(veteran).get("billing");
        assertThat(billing.get("dueDate").asString()).isEqualTo(practice.today.minusDays(1).plusDays(30).toString());
        assertThat(billing.get("beforeAccess").asBoolean()).isFalse();

        AtomicReference<JsonNode> check = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            check.set(XapiHttp.json(practice.admin().get("/api/compliance/status-check")));
            return check.get().get("differing").asInt() == 0;
        });
        assertThat(check.get().get("differing").asInt()).as(check.get().toString()).isZero();
    }

    @Test
    void aWindowOutOfRangeIsA400NamingTheField() {
        PracticeFixture practice = new PracticeFixture(xapi);

        HttpResponse<String> response = practice.admin().putJson("/api/practice",
                "{\"name\":\"Window Clinic\",\"onboardingWindowDays\":400}", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("onboardingWindowDays");
    }

    private static void save(PracticeFixture practice, String profile) {
        ok(practice.admin().putJson("/api/practice", profile, Map.of()));
    }

    /** The change reaches everyone through the background pass (every 2 s here): wait for it, not longer. */
    private static void awaitDue(PracticeFixture practice, Learner who, String requirement, String due, boolean beforeAccess) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode status = practice.statuses(who).get(requirement);
            assertThat(status.get("dueDate").asString()).isEqualTo(due);
            assertThat(status.get("beforeAccess").asBoolean()).isEqualTo(beforeAccess);
        });
    }

    private static JsonNode find(JsonNode statuses, String personId) {
        for (JsonNode s : statuses) {
            if (s.get("personId").asString().equals(personId)) {
                return s;
            }
        }
        throw new AssertionError("no status of " + personId);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
