package org.hipaatraining.lrs.compliance.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.auth.AdminUserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An admin records a privacy incident on the trigger events page in Chromium: the people in the chosen role get the
 * module with the incident as the reason, the others do not, and a refused form names what is missing and keeps
 * what was typed.
 */
class TriggerEventsPageTest extends LrsIntegrationTest {

    private static AdminBrowser browser;

    @Autowired
    private AdminUserService users;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.assertNoPolicyViolations();
            browser.close();
        }
    }

    @Test
    void anIncidentRecordedOnThePageAssignsTheModuleToTheRoleWithTheIncidentAsReason() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner desk = practice.person("Dana Desk " + practice.run, "desk", List.of("front-desk"), 400, "Dr. Trigger");
        Learner nurse = practice.person("Nico Nurse " + practice.run, "nurse", List.of("clinical"), 400, "Dr. Trigger");
        String description = "Fax of lab results sent to the wrong number " + practice.run;
        if (browser == null) {
            browser = new AdminBrowser(port);
        }
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
        page.navigate(browser.url("/admin/trigger-events"));

        // refused: no module chosen; the typed description survives
        page.locator("#kind").selectOption("PRIVACY_INCIDENT");
        page.locator("#description").fill(description);
        page.locator("#whom-roles").check();
        page.locator("#role-front-desk").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the event")).click();
        page.waitForURL("**/admin/trigger-events");
        assertThat(page.locator(".message.error").textContent()).contains("modules: the modules to take");
        assertThat(page.locator("#description").inputValue()).isEqualTo(description);
        assertThat(page.locator("#role-front-desk").isChecked()).isTrue();

        page.locator("#module-billing").check();
        page.locator("#dueDate").fill(practice.today.plusDays(14).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the event")).click();
        page.waitForURL("**/admin/trigger-events");

        assertThat(page.locator(".message.success").textContent()).contains("Privacy incident", description, "Front desk");
        assertThat(page.locator("#trigger-events-table tbody tr").first().textContent())
                .contains(description, "Front desk", practice.today.plusDays(14).toString(), "admin");
        browser.screenshot(page, "trigger-events-1280");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "trigger-events-768");

        // an event for a role is recomputed for everyone by the background pass (every 2 s), not before the answer
        Map<String, JsonNode> deskStatuses = org.awaitility.Awaitility.await("the front desk's new requirement")
                .atMost(java.time.Duration.ofSeconds(60)).until(() -> practice.statuses(desk), s -> s.containsKey("billing"));
        assertThat(deskStatuses.get("billing").get("reason").asString()).contains("Privacy incident", description);
        assertThat(deskStatuses.get("billing").get("dueDate").asString()).isEqualTo(practice.today.plusDays(14).toString());
        assertThat(practice.statuses(nurse)).doesNotContainKey("billing");
    }

    @Test
    void aMicroLessonWrittenOnThePageIsRefusedNamingTheFieldThenRecordedAndAssignedWithItsPackages() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner it = practice.person("Ivo Lesson " + practice.run, "ivo", List.of("it"), 400, "Dr. Trigger");
        String description = "New patient portal goes live " + practice.run;
        String title = "The new portal " + practice.run;
        if (browser == null) {
            browser = new AdminBrowser(port);
        }
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
        page.navigate(browser.url("/admin/trigger-events"));
        assertThat(page.locator("#micro-lesson").textContent()).contains("No patient names or details");

        page.locator("#kind").selectOption("NEW_SYSTEM");
        page.locator("#description").fill(description);
        page.locator("#whom-roles").check();
        page.locator("#role-it").check();
        page.locator("#lessonTitle").fill(title);
        page.locator("#lessonText").fill("From Monday patients message us through the portal.\n\nNever answer clinical "
                + "questions by personal email.");
        page.locator("#q0Prompt").fill("A patient emails your personal address. What do you do?");
        page.locator("#q0Choice0").fill("Answer, since the patient wrote first");
        page.locator("#q0Choice1").fill("Ask them to use the portal, and do not answer there");
        page.locator("#q0Explanation").fill("Only the portal is secured and logged.");
        // no right answer marked: refused, naming the field, and what was typed is kept
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the event")).click();
        page.waitForURL("**/admin/trigger-events");
        assertThat(page.locator(".message.error").textContent()).contains("microLesson.questions[0].correct");
        assertThat(page.locator("#lessonTitle").inputValue()).isEqualTo(title);
        assertThat(page.locator("#q0Choice1").inputValue()).isEqualTo("Ask them to use the portal, and do not answer there");
        page.locator("#micro-lesson").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(AdminBrowser.SCREENSHOTS.resolve("trigger-events-micro-lesson-form-1280.png")));

        page.locator("#q0Correct1").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the event")).click();
        page.waitForURL("**/admin/trigger-events");
        assertThat(page.locator(".message.success").textContent()).contains("New system", description, title);
        var row = page.locator("#trigger-events-table tbody tr").first();
        assertThat(row.textContent()).contains(description, "Lesson: " + title + " (1 question)");
        String cmi5 = row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("cmi5"))
                .getAttribute("href");
        assertThat(cmi5).matches("/api/packages/hipaa-module-event-[0-9a-f-]+-1\\.0\\.0-cmi5\\.zip");
        assertThat(page.request().get(browser.url(cmi5)).status()).isEqualTo(200);
        browser.screenshot(page, "trigger-events-micro-lesson-1280");

        String lessonId = cmi5.replaceAll(".*hipaa-module-(event-[0-9a-f-]+)-1\\.0\\.0-cmi5\\.zip", "$1");
        Map<String, JsonNode> statuses = org.awaitility.Awaitility.await("the IT role's micro-lesson")
                .atMost(java.time.Duration.ofSeconds(60)).until(() -> practice.statuses(it), s -> s.containsKey(lessonId));
        assertThat(statuses.get(lessonId).get("moduleTitle").asString()).isEqualTo(title);
        assertThat(statuses.get(lessonId).get("reason").asString()).contains("New system", description);
    }

    @Test
    void anAuditorSeesTheEventsButNoFormAndAForgedPostIsRefused() {
        PracticeFixture practice = new PracticeFixture(xapi);
        String auditor = "auditor-" + practice.run;
        users.save(auditor, "auditor-password-" + practice.run, AdminRole.AUDITOR);
        if (browser == null) {
            browser = new AdminBrowser(port);
        }
        Page page = browser.signedIn(auditor, "auditor-password-" + practice.run, 1024, 768);
        page.navigate(browser.url("/admin/trigger-events"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Trigger events");
        assertThat(page.locator("main form").count()).isZero();

        String csrf = page.locator("form[action='/logout'] input[name='_csrf']").getAttribute("value");
        APIResponse post = page.request().post(browser.url("/admin/trigger-events"),
                RequestOptions.create().setHeader("Accept", "text/html").setForm(FormData.create().set("_csrf", csrf)
                        .set("kind", "NEAR_MISS").set("description", "auditor " + practice.run)));

        assertThat(post.status()).isEqualTo(403);
        assertThat(practice.admin().get("/api/compliance/trigger-events").body()).doesNotContain("auditor " + practice.run);
    }
}
