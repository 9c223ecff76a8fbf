package org.hipaatraining.lrs.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.net.http.HttpResponse;
import java.util.List;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who may do what in the admin pages: signing in and out, auditors reading but never changing, admins publishing. */
class AdminAccessTest extends LrsIntegrationTest {

    private static final String AUDITOR_PASSWORD = "auditor-password-for-tests";

    private static AdminBrowser browser;
    private static PracticeFixture practice;
    private static Learner kim;
    private static String auditor;

    @Autowired
    private AdminUserService users;

    @BeforeEach
    void practiceAndBrowser() {
        if (browser != null) {
            return;
        }
        practice = new PracticeFixture(xapi);
        kim = practice.person("Kim Nakamura", "kim", List.of("everyone"), 60, "Maria Lopez");
        practice.send(TrainingStatements.failed(kim.mbox(), kim.name(), "privacy", daysAgo(3), 0.5));
        auditor = "auditor-" + practice.run;
        users.save(auditor, AUDITOR_PASSWORD, AdminRole.AUDITOR);
        browser = new AdminBrowser(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.assertNoPolicyViolations();
            browser.close();
            browser = null;
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorAndSigningOutSaysSo() {
        Page page = browser.page(1024, 768);
        page.navigate(browser.url("/login"));
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.url()).endsWith("/login?error");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("The user name or password is not right");
        browser.screenshot(page, "login-error-1024x768");

        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page.url()).endsWith("/login?signedOut");
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("You are signed out.");
        page.navigate(browser.url("/admin/people"));
        assertThat(page.url()).endsWith("/login");
    }

    @Test
    void anAuditorReadsEverythingButSeesNoFormsAndAPostIsRefused() {
        Page page = browser.signedIn(auditor, AUDITOR_PASSWORD, 1024, 768);
        assertThat(page.locator(".site-header").textContent()).contains(auditor, "(read only)");

        page.navigate(browser.url("/admin/people/" + kim.id()));
        assertThat(page.locator("h1").textContent()).isEqualTo("Kim Nakamura");
        assertThat(page.locator("#status-table tr[data-requirement='privacy']").textContent()).contains("Failed");
        assertThat(page.locator("main form").count()).isZero();
        page.navigate(browser.url("/admin/people"));
        assertThat(page.locator("main form[enctype='multipart/form-data']").count()).isZero();
        assertThat(page.locator("a[href='/api/reports/roster.csv']").count()).isEqualTo(1);
        page.navigate(browser.url("/admin/modules"));
        assertThat(page.locator("main details, main form").count()).isZero();
        browser.screenshot(page, "modules-auditor-1024x768");
        page.navigate(browser.url("/admin/policies/privacy-policy"));
        assertThat(page.locator("#in-force").textContent()).contains("in force");
        assertThat(page.locator("main form").count()).as("no publishing for auditors").isZero();

        // A forged post with the auditor's own valid CSRF token is refused for the role, not for the token
        String csrf = page.locator("form[action='/logout'] input[name='_csrf']").getAttribute("value");
        APIResponse post = page.request().post(browser.url("/admin/people/" + kim.id() + "/remedial-actions"),
                RequestOptions.create().setHeader("Accept", "text/html")
                        .setForm(FormData.create().set("_csrf", csrf).set("action", "Auditor's note")));
        APIResponse api = page.request().post(browser.url("/api/compliance/people/" + kim.id() + "/remedial-actions"),
                RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf).setHeader("Content-Type", "application/json")
                        .setData("{\"action\":\"Auditor's note\"}"));

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.text()).contains("only an admin can change them");
        assertThat(api.status()).isEqualTo(403);
        JsonNode transcript = XapiHttp.json(practice.admin().get("/api/compliance/people/" + kim.id() + "/transcript"));
        assertThat(transcript.get("remedialActions").size()).isZero();
        APIResponse export = page.request().get(browser.url("/api/reports/status.csv"));
        assertThat(export.status()).isEqualTo(200);
    }

    @Test
    void theAdminPublishesAModuleRelease() {
        String module = "reminder-clean-desk";
        List<String> versions = XapiHttp.json(practice.admin().get("/api/compliance/modules/" + module + "/releases"))
                .valueStream().map(r -> r.get("version").asString()).toList();
        String newest = versions.stream().max(java.util.Comparator.comparing(ModuleReleases::versionKey)).orElseThrow();
        String[] parts = newest.split("\\.");
        String next = parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        page.navigate(browser.url("/admin/modules#module-" + module));

        page.locator("#module-" + module + " summary").click();
        page.locator("#version-" + module).fill(next);
        page.locator("#date-" + module).fill(practice.today.plusDays(30).toString());
        page.locator("#summary-" + module).fill("Visitor badges now required beyond reception");
        page.locator("#module-" + module).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Publish")).click();

        assertThat(page.locator(".message.success").textContent()).contains("Published " + module + " " + next,
                practice.today.plusDays(30).toString());
        assertThat(page.locator("table[data-module='" + module + "']").textContent())
                .contains(next, "Visitor badges now required beyond reception", "the practice (admin)");
        HttpResponse<String> releases = practice.admin().get("/api/compliance/modules/" + module + "/releases");
        assertThat(releases.body()).contains("\"version\":\"" + next + "\"");

        page.locator("#module-" + module + " summary").click();
        page.locator("#version-" + module).fill(next);
        page.locator("#summary-" + module).fill("Again");
        page.locator("#module-" + module).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Publish")).click();
        assertThat(page.locator(".message.error").textContent()).contains("already published");
    }

    @Test
    void aSessionStillNeedsItsCsrfTokenWhateverAuthorizationHeaderComesWithIt() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> forms = List.of("/admin/people/" + kim.id() + "/remedial-actions", "/admin/people/import",
                "/admin/modules/privacy/releases", "/admin/lms-activities/map", "/admin/lms-activities/unmap",
                "/admin/lti/platforms", "/admin/lti/keys/rotate", "/admin/policies/privacy-policy/versions",
                "/admin/policies/privacy-policy/preview");

        for (String form : forms) {
            for (String authorization : List.of("Bearer x", basic)) {
                APIResponse post = page.request().post(browser.url(form), RequestOptions.create()
                        .setHeader("Authorization", authorization).setHeader("Accept", "text/html")
                        .setForm(FormData.create().set("action", "Forged note").set("activityIri", "https://x.example/a")
                                .set("version", "9.9.9")));
                assertThat(post.status()).as("%s with %s", form, authorization.substring(0, 6)).isEqualTo(403);
            }
        }
        JsonNode transcript = XapiHttp.json(practice.admin().get("/api/compliance/people/" + kim.id() + "/transcript"));
        assertThat(transcript.get("remedialActions").size()).isZero();
        // Basic without a session (a script) needs no token
        Learner scripted = practice.person("Sam Scripted", "sam", List.of("everyone"), 30, null);
        assertThat(practice.admin().postJson("/api/compliance/people/" + scripted.id() + "/remedial-actions",
                "{\"action\":\"Scripted note\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);

        var session = page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();

        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
    }

    @Test
    void everyPageHasAContentSecurityPolicyAndTheAdminPagesKeepToIt() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
        for (String path : List.of("/admin", "/admin/people", "/admin/people/" + kim.id(), "/admin/modules",
                "/admin/overdue", "/admin/stalled", "/admin/lms-activities", "/admin/lti", "/admin/no-such-page",
                "/admin/policies", "/admin/policies/privacy-policy", "/admin/policies/privacy-policy/versions/2027.1",
                "/admin/modules/privacy",
                "/api/docs")) {
            com.microsoft.playwright.Response response = page.navigate(browser.url(path));
            assertThat(response.allHeaders().get("content-security-policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
        }
        assertThat(page.locator("#swagger-ui").count()).as("the API browser renders").isEqualTo(1);
        page.waitForSelector(".opblock-tag");
        for (String path : List.of("/login", "/xapi/about", "/lti/jwks", "/cmi5/content/nothing/index.html",
                "/verify/not-a-certificate", "/api/reports/status.csv")) {
            assertThat(page.request().get(browser.url(path)).headers().get("content-security-policy")).as(path).isNotBlank();
        }
        assertThat(page.request().get(browser.url("/admin")).headers().get("content-security-policy"))
                .contains("frame-ancestors 'none'", "form-action 'self'", "object-src 'none'");
    }

    @Test
    void aStaffListWithBrokenQuotesIsExplainedOnThePage() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        page.navigate(browser.url("/admin/people"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import staff")).click();

        page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("staff.csv", "text/csv",
                "name,email,roles\n\"Broken Quote,broken@clinic.example,everyone\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check the columns")).click();

        assertThat(page.locator(".message.error").textContent()).contains("staff.csv", "not a CSV file this import can read");
        assertThat(page.url()).endsWith("/admin/people/import");
    }
}
