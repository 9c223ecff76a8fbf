package org.hipaatraining.lrs.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moodle without LTI: Moodle plays our SCORM package and reports through its logstore plugin; the admin sees its
 * activities with the module each name suggests, maps one on the page, and the learner's earlier completion counts.
 */
class LmsActivitiesTest extends LrsIntegrationTest {

    private static final String MOODLE = "https://moodle.clinic.test";

    @Test
    void anAdminMapsASuggestedMoodleActivityAndItsEarlierCompletionCounts() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner cara = practice.person("Cara Singh", "cara", List.of("everyone"), 30, "Maria Lopez");
        String privacyActivity = MOODLE + "/mod/scorm/view.php?id=" + practice.run + "1";
        String meetingActivity = MOODLE + "/mod/page/view.php?id=" + practice.run + "2";
        practice.send(moodle(cara, "completed", privacyActivity, "HIPAA Privacy Rule essentials (SCORM 2004)", daysAgo(3)));
        practice.send(moodle(cara, "experienced", meetingActivity, "Staff meeting notes " + practice.run, daysAgo(2)));
        assertThat(practice.statuses(cara).get("privacy").get("state").asString()).isEqualTo("NEVER_STARTED");

        JsonNode unmapped = XapiHttp.json(practice.admin().get("/api/compliance/activity-mappings/unmapped"));
        JsonNode privacy = find(unmapped, privacyActivity);
        assertThat(privacy.get("suggestedModuleId").asString()).isEqualTo("privacy");
        assertThat(privacy.get("name").asString()).isEqualTo("HIPAA Privacy Rule essentials (SCORM 2004)");
        assertThat(find(unmapped, meetingActivity).get("suggestedModuleId").isNull()).isTrue();
        for (JsonNode activity : unmapped) {
            assertThat(activity.get("activityIri").asString()).as("the catalogue's own activities are not listed")
                    .doesNotStartWith("https://hipaa-training.org/");
        }

        try (AdminBrowser browser = new AdminBrowser(port)) {
            Page page = browser.signedIn("admin", ADMIN_PASSWORD, 768, 1024);
            page.navigate(browser.url("/admin/lms-activities"));
            Locator row = page.locator("#unmapped tr[data-activity='" + privacyActivity + "']");
            assertThat(row.locator("select").inputValue()).as("the suggestion is preselected").isEqualTo("privacy");
            assertThat(page.locator("#unmapped tr[data-activity='" + meetingActivity + "'] select").inputValue()).isEmpty();
            browser.screenshot(page, "lms-activities-768");
            row.getByLabel("Completion counts as a pass").check();
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Map")).click();
            page.locator(".message.success").waitFor();
            assertThat(page.locator(".message.success").textContent()).contains("now counts as HIPAA Privacy Rule essentials");
            assertThat(page.locator("#mapped tr[data-activity='" + privacyActivity + "']").count()).isEqualTo(1);
            assertThat(page.locator("#unmapped tr[data-activity='" + privacyActivity + "']").count()).isZero();
        }

        JsonNode status = practice.statuses(cara).get("privacy");
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("COMPLIANT");
    }

    private static JsonNode find(JsonNode activities, String iri) {
        for (JsonNode activity : activities) {
            if (activity.get("activityIri").asString().equals(iri)) {
                return activity;
            }
        }
        throw new AssertionError(iri + " is not listed in " + activities);
    }

    /** The shape Moodle's xAPI logstore plugin sends for a course module. */
    private static ObjectNode moodle(Learner learner, String verb, String activity, String name, Instant at) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode().put("id", UUID.randomUUID().toString()).put("timestamp", at.toString());
        s.putObject("actor").put("name", learner.name()).put("mbox", learner.mbox());
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb).putObject("display").put("en", verb);
        ObjectNode object = s.putObject("object").put("id", activity);
        object.putObject("definition").put("type", "http://adlnet.gov/expapi/activities/lesson").putObject("name").put("en", name);
        ObjectNode context = s.putObject("context").put("platform", "Moodle").put("language", "en");
        context.putObject("contextActivities").putArray("grouping").addObject().put("id", MOODLE);
        return s;
    }
}
