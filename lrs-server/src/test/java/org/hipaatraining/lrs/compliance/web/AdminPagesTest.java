package org.hipaatraining.lrs.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.net.http.HttpResponse;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin pages in headless Chromium at tablet sizes, signed in as the admin, with a small practice: Rosa trained
 * on privacy and security and is overdue on breach, Tom failed security, Lena started privacy three weeks ago and
 * stopped, Omar is overdue but on leave. Screenshots land in target/screenshots.
 */
class AdminPagesTest extends LrsIntegrationTest {

    private static AdminBrowser browser;
    private static PracticeFixture practice;
    private static Learner rosa;
    private static Learner tom;
    private static Learner lena;
    private static Learner omar;
    private static String rosaPrivacyPass;

    @BeforeEach
    void practiceAndBrowser() {
        if (browser != null) {
            return;
        }
        practice = new PracticeFixture(xapi);
        rosa = practice.person("Rosa Delgado", "rosa", List.of("front-desk"), 200, "Maria Lopez");
        rosaPrivacyPass = practice.send(TrainingStatements.passed(rosa.mbox(), rosa.name(), "privacy", daysAgo(40), 0.9));
        practice.send(TrainingStatements.acknowledged(rosa.mbox(), rosa.name(), "privacy", daysAgo(40).plusSeconds(50),
                "privacy-policy", "2026.1"));
        practice.send(TrainingStatements.failed(rosa.mbox(), rosa.name(), "security", daysAgo(35), 0.6));
        practice.send(TrainingStatements.passed(rosa.mbox(), rosa.name(), "security", daysAgo(34), 0.85));
        tom = practice.person("Tom Becker", "tom", List.of("everyone"), 12, "Maria Lopez");
        practice.send(TrainingStatements.failed(tom.mbox(), tom.name(), "security", daysAgo(2), 0.45));
        lena = practice.person("Lena Fischer", "lena", List.of("everyone"), 25, "Dr. Okafor");
        practice.send(TrainingStatements.initialized(lena.mbox(), lena.name(), "privacy", daysAgo(20)));
        omar = practice.person("Omar Haddad", "omar", List.of("everyone"), 200, "Dr. Okafor");
        HttpResponse<String> leave = practice.admin().putJson("/api/roster/people/" + omar.id() + "/status",
                "{\"status\":\"ON_LEAVE\",\"effective\":\"" + practice.today.minusDays(3) + "\"}", java.util.Map.of());
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(200);
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
    void theOverviewShowsTheChartTotalsAndTheSameCountsAsTheApi() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);

        page.locator("#overview-chart[data-rendered='6']").waitFor();
        assertThat(Integer.parseInt(page.locator("[data-total=people] .value").textContent().trim())).isGreaterThanOrEqualTo(4);
        JsonNode overview = XapiHttp.json(practice.admin().get("/api/compliance/overview"));
        Locator row = page.locator("#overview-table tr[data-role='front-desk'][data-requirement='privacy']");
        for (String state : List.of("COMPLIANT", "OVERDUE", "NEVER_STARTED", "FAILED")) {
            int expected = overview.path("front-desk").path("privacy").path(state).asInt(0);
            assertThat(row.locator("td[data-state='" + state + "']").textContent().trim()).as(state).isEqualTo(String.valueOf(expected));
        }
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit package").setExact(true))
                .getAttribute("href")).isEqualTo("/admin/audit-packages");
        browser.screenshot(page, "overview-1024x768");
        // a chart still at the wider size (Chart.js resizes a frame after the window narrows, later on a busy
        // machine) must not make the page scroll sideways: freeze it at 1024 and narrow the window
        page.evaluate("() => { const c = Chart.getChart('overview-chart'); c.options.responsive = false; c.update('none'); }");
        page.setViewportSize(768, 1024);
        assertThat(page.evaluate("() => document.getElementById('overview-chart').getBoundingClientRect().width"))
                .as("the frozen chart is wider than the window").matches(w -> ((Number) w).doubleValue() > 768);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("page width").isEqualTo(768);
        page.reload();
        page.locator("#overview-chart[data-rendered='6']").waitFor();
        browser.screenshot(page, "overview-768x1024");
    }

    @Test
    void thePersonPageShowsTheTranscriptWithCertificatesAndStatementLinks() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        page.navigate(browser.url("/admin/people/" + rosa.id()));

        assertThat(page.locator("h1").textContent()).isEqualTo("Rosa Delgado");
        Locator privacy = page.locator("#status-table tr[data-requirement='privacy']");
        assertThat(privacy.textContent()).contains("Compliant", "90%", "privacy-policy 2026.1", "1.0.0");
        String certificate = privacy.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Certificate for HIPAA Privacy Rule essentials (PDF)")).getAttribute("href");
        assertThat(certificate).isEqualTo("/api/reports/certificates/" + rosaPrivacyPass + ".pdf");
        assertThat(page.locator("#status-table tr[data-requirement='breach']").textContent()).contains("Overdue");
        Locator records = page.locator("table[data-module='security'] tbody tr");
        assertThat(records.count()).isEqualTo(2);
        assertThat(records.nth(0).textContent()).contains("Failed", "60%");
        assertThat(page.locator("table[data-module='privacy'] a[href='/admin/statements/" + rosaPrivacyPass + "']").count()).isEqualTo(1);
        assertThat(page.locator("a[href='/api/reports/audit.pdf?person=" + rosa.id() + "']").count()).isEqualTo(1);
        var pdf = page.request().get(browser.url(certificate));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        browser.screenshot(page, "person-1024x768");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "person-768x1024");
    }

    @Test
    void theOverdueListLeavesOutPeopleOnLeaveAndTheStalledListShowsIdleWork() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);

        page.navigate(browser.url("/admin/overdue"));
        String overdue = page.locator("#overdue-table").textContent();
        assertThat(overdue).contains("Rosa Delgado", "Breaches and incident response").doesNotContain("Omar Haddad", "Tom Becker");
        browser.screenshot(page, "overdue-1024x768");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "overdue-768x1024");
        page.setViewportSize(1024, 768);

        page.navigate(browser.url("/admin/stalled"));
        Locator lenaRow = page.locator("#stalled-table tr", new Page.LocatorOptions().setHasText("Lena Fischer"));
        assertThat(lenaRow.textContent()).contains("HIPAA Privacy Rule essentials", "20");
        assertThat(page.locator("#stalled-table").textContent()).doesNotContain("Tom Becker");
        browser.screenshot(page, "stalled-1024x768");
    }

    @Test
    void theAdminRecordsARemedialActionThroughTheForm() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        page.navigate(browser.url("/admin/people/" + tom.id()));

        page.getByLabel("Module").selectOption("security");
        page.getByLabel("What was done").fill("Went through the failed questions with Tom; retake booked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();

        assertThat(page.locator(".message.success").textContent()).contains("Remedial action recorded.");
        assertThat(page.locator("#remedial-table").textContent())
                .contains("Went through the failed questions with Tom; retake booked", "security", "admin", practice.today.toString());

        page.evaluate("() => document.getElementById('date').removeAttribute('max')");
        page.locator("#date").fill(practice.today.plusDays(2).toString());
        page.getByLabel("What was done").fill("Coaching booked for next week");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
        assertThat(page.locator(".message.error").textContent()).contains("date: cannot be in the future");
    }

    @Test
    void theAdminImportsAStaffListAndFindsThePersonBySearch() {
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
        page.navigate(browser.url("/admin/people"));
        String csv = "Employee ID,Full Name,Work Email,Job Title,Hire Date,Manager\nIMP-" + practice.run + ",Nadia Rahman,nadia."
                + practice.run + "@clinic.test,Nurse,2026-09-01,Dr. Okafor\n";

        // the people page leads to the staff import (the old strict form is gone from it)
        assertThat(page.locator("#file").count()).isZero();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import staff")).click();
        page.waitForURL(url -> url.endsWith("/admin/people/import"));
        page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("staff.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check the columns")).click();
        page.locator("#mapping-form").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 1 new and 0 changed")).click();
        assertThat(page.locator(".message.success").textContent()).contains("1 added");

        page.navigate(browser.url("/admin/people"));
        page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("IMP-" + practice.run);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("q=IMP-"));
        assertThat(page.locator("#people-table tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#people-table tbody").textContent()).contains("Nadia Rahman", "clinical", "Dr. Okafor");
        browser.screenshot(page, "people-1024x768");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "people-768x1024");
        page.setViewportSize(1024, 768);

        // the strict CSV endpoint the form used stays for scripts (the roster download's columns)
        String boundary = "b" + practice.run;
        String strict = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemployee_id,name,email,roles\nSTR-" + practice.run + ",Quinn Strict,quinn.strict."
                + practice.run + "@clinic.test,everyone\n\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = practice.admin().send("POST", "/admin/people/import", java.util.Map.of(),
                strict.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(practice.admin().get("/api/roster/people").body()).contains("STR-" + practice.run);
    }

    @Test
    void theRosterPagesFiftyAtATimeAndSearchAndFiltersNarrowIt() {
        String surname = "Pager" + practice.run;
        for (int i = 1; i <= 57; i++) {
            practice.person("%s Person%02d".formatted(surname, i), "pager" + i, List.of(i % 10 == 0 ? "it" : "everyone"), 30,
                    i % 2 == 0 ? "Dr. Even" + practice.run : "Dr. Odd" + practice.run);
        }
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 800);
        page.navigate(browser.url("/admin/people"));
        page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(surname.toLowerCase(java.util.Locale.ROOT));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("q=pager")); // the filtered page, not the one before it

        List<String> first = page.locator("#people-table tbody tr td:first-child").allTextContents();
        assertThat(first).hasSize(50).isSorted().first().isEqualTo(surname + " Person01");
        browser.screenshot(page, "people-paged-1280x800");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next 50 people")).click();
        page.waitForURL(url -> url.contains("after="));
        List<String> second = page.locator("#people-table tbody tr td:first-child").allTextContents();
        assertThat(second).hasSize(7).isSorted().doesNotContainAnyElementsOf(first).last().isEqualTo(surname + " Person57");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next 50 people")).count()).isZero();
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "people-paged-768x1024");
        page.setViewportSize(1280, 800);

        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("it");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("role=it"));
        assertThat(page.locator("#people-table tbody tr td:first-child").allTextContents())
                .containsExactly(surname + " Person10", surname + " Person20", surname + " Person30", surname + " Person40",
                        surname + " Person50");

        page.navigate(browser.url("/admin/people?supervisor=dr.%20odd" + practice.run));
        assertThat(page.locator("#people-table tbody tr")).satisfies(rows -> assertThat(rows.count()).isEqualTo(29));

        for (String[] who : new String[][] {{"Ana", "Eastside"}, {"Ben", "Westside"}, {"Cy", "EASTSIDE"}}) {
            var added = practice.admin().postJson("/api/roster/people", ("{\"name\":\"%s %s\",\"email\":\"%s.%s@clinic.test\","
                    + "\"roles\":[\"everyone\"],\"hireDate\":\"%s\",\"location\":\"%s Clinic %s\"}").formatted(who[0], surname,
                    who[0].toLowerCase(java.util.Locale.ROOT), practice.run, practice.today, who[1], practice.run));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        page.navigate(browser.url("/admin/people"));
        page.getByLabel("Location", new Page.GetByLabelOptions().setExact(true)).fill("eastside clinic " + practice.run);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("location="));
        assertThat(page.locator("#people-table tbody tr td:first-child").allTextContents())
                .as("the location filter, case aside").containsExactly("Ana " + surname, "Cy " + surname);

        page.navigate(browser.url("/admin/people?q=" + surname + "&after=not-a-token"));
        assertThat(page.locator("main").textContent()).contains("'after' is not one this server wrote");
    }
}
