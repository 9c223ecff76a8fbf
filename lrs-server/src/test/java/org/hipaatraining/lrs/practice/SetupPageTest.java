package org.hipaatraining.lrs.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeProfileRestore;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The set-up page in Chromium: an admin names the practice and its officers, and the API and header show them. */
@ExtendWith(PracticeProfileRestore.class)
class SetupPageTest extends LrsIntegrationTest {

    private static AdminBrowser browser;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.assertNoPolicyViolations();
            browser.close();
        }
    }

    @Test
    void anAdminSetsUpThePracticeWithAnOfficerFromTheRosterAndOneTypedIn() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner grace = practice.person("Grace Okafor", "grace", List.of("management"), 800, "Board");
        browser = new AdminBrowser(port);
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
        String name = "Riverside Family Medicine " + practice.run;

        page.navigate(browser.url("/admin/setup"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(false)).first().fill(name);
        page.locator("#addressLine").fill("12 Main St, Springfield, IL 62701");
        page.locator("#timeZone").fill("America/Chicago");
        page.locator("#privacyPersonId").selectOption(grace.id());
        page.locator("#securityName").fill("Sam Ortiz");
        page.locator("#securityEmail").fill("sam@it-partner.test");
        page.locator("#trainingBeforeAccess").check();
        page.locator("#onboardingWindowDays").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        page.waitForURL("**/admin/setup");

        assertThat(page.locator(".message.success").textContent()).contains("Saved");
        assertThat(page.locator(".site-header .brand").textContent()).contains(name);
        assertThat(page.locator("#privacyPersonId").inputValue()).isEqualTo(grace.id());
        assertThat(page.locator("#onboardingWindowDays").inputValue()).isEqualTo("3");
        assertThat(page.locator(".first-run").count()).isZero();
        browser.screenshot(page, "setup-desktop");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "setup-tablet");

        for (String path : List.of("/admin/lti", "/admin")) {
            String shot = path.equals("/admin") ? "overview" : "lti";
            page.setViewportSize(1280, 900);
            page.navigate(browser.url(path));
            browser.screenshot(page, shot + "-desktop");
            page.setViewportSize(768, 1024);
            browser.screenshot(page, shot + "-tablet");
        }

        JsonNode saved = XapiHttp.json(practice.admin().get("/api/practice"));
        assertThat(saved.get("name").asString()).isEqualTo(name);
        assertThat(saved.get("privacyOfficer").get("name").asString()).isEqualTo("Grace Okafor");
        assertThat(saved.get("privacyOfficer").get("email").asString()).isEqualTo(grace.email());
        assertThat(saved.get("securityOfficer").get("email").asString()).isEqualTo("sam@it-partner.test");
        assertThat(saved.get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(saved.get("trainingBeforeAccess").asBoolean()).isTrue();
        assertThat(saved.get("onboardingWindowDays").asInt()).isEqualTo(3);
        assertThat(saved.get("savedBy").asString()).isEqualTo("admin");
    }

    @Test
    void everyAdminPageHasTheSameHeaderAndNavigation() {
        PracticeFixture practice = new PracticeFixture(xapi);
        List<String> expected = null;
        for (String path : List.of("/admin", "/admin/setup", "/admin/people/import", "/admin/people", "/admin/overdue",
                "/admin/stalled", "/admin/modules", "/admin/lms-activities", "/admin/lti", "/admin/record-keeping",
                "/admin/audit-packages", "/admin/sign-in-locks", "/admin/trigger-events", "/admin/forwarding")) {
            HttpResponse<String> response = practice.admin().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.body());
            List<String> nav = page.select(".site-header nav a").eachAttr("href");
            assertThat(nav).as(path).contains("/admin/setup", "/admin/people/import", "/admin/lti");
            // every admin page is reachable from the header: four in the bar, the rest in two disclosures
            assertThat(nav).as(path).containsExactlyInAnyOrder("/admin", "/admin/people", "/admin/overdue", "/admin/stalled",
                    "/admin/setup", "/admin/people/import", "/admin/modules", "/admin/policies", "/admin/lms-activities",
                    "/admin/lti", "/admin/notifications", "/admin/trigger-events", "/admin/forwarding", "/admin/sign-in-locks", "/admin/audit-packages",
                    "/admin/record-keeping", "/admin/statements", "/admin/insights");
            assertThat(page.select(".site-header nav details > summary")).as(path).hasSize(2);
            assertThat(page.select(".site-header nav a[aria-current=page]")).as(path + ": marks itself").hasSize(1);
            assertThat(page.select(".site-header .user").text()).as(path).contains("admin", "Sign out");
            if (expected == null) {
                expected = nav;
            }
            assertThat(nav).as(path).isEqualTo(expected);
        }
    }

    @Test
    void aWrongFieldIsNamedAndNothingIsSaved() {
        PracticeFixture practice = new PracticeFixture(xapi);
        JsonNode before = XapiHttp.json(practice.admin().get("/api/practice"));

        HttpResponse<String> api = practice.admin().putJson("/api/practice", "{\"name\":\"X\",\"timeZone\":\"Mars/Base\"}", java.util.Map.of());
        HttpResponse<String> officer = practice.admin().putJson("/api/practice",
                "{\"name\":\"X\",\"privacyOfficer\":{\"name\":\"Pat\",\"email\":\"pat at clinic\"},\"onboardingWindowDays\":0}", java.util.Map.of());

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("timeZone: 'Mars/Base'");
        assertThat(officer.statusCode()).isEqualTo(400);
        assertThat(officer.body()).contains("privacyOfficer.email", "onboardingWindowDays");
        assertThat(XapiHttp.json(practice.admin().get("/api/practice"))).isEqualTo(before);
    }
}
