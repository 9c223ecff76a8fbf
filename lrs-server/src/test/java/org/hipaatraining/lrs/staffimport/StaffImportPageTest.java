package org.hipaatraining.lrs.staffimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A practice manager's first import in Chromium: their HR export as it is (byte order mark, quoted headers, job
 * titles, two date styles, a duplicate email, a blank line, a missing manager), the columns and titles checked, the
 * date question answered, the preview read, the import; then next month's export with a role change and a departure.
 */
class StaffImportPageTest extends LrsIntegrationTest {

    private static AdminBrowser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.assertNoPolicyViolations();
            browser.close();
            browser = null;
        }
    }

    @Test
    void anHrExportIsMappedPreviewedImportedAndReimportedWithARoleChangeAndADeparture() {
        PracticeFixture practice = new PracticeFixture(xapi);
        String run = practice.run;
        browser = new AdminBrowser(port);
        Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);

        page.locator(".nav-setup summary").click(); // the set-up pages' group in the header
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import staff")).click();
        upload(page, "hr-export.csv", StaffFiles.firstExport(run));

        // the guessed columns, shown against the first rows
        assertThat(page.locator("#col-NAME").inputValue()).isEqualTo("Full Name");
        assertThat(page.locator("#col-EMAIL").inputValue()).isEqualTo("Work Email");
        assertThat(page.locator("#col-EMPLOYEE_ID").inputValue()).isEqualTo("Employee ID");
        assertThat(page.locator("#col-JOB_TITLE").inputValue()).isEqualTo("Job Title");
        assertThat(page.locator("#col-HIRE_DATE").inputValue()).isEqualTo("Hire Date");
        assertThat(page.locator("#col-STATUS").inputValue()).isEqualTo("Employment Status");
        assertThat(page.locator("#sample tbody tr").first().textContent()).contains("Okafor, Grace");
        // a column chosen by hand, titles mapped, the date question answered
        page.locator("#col-LOCATION").selectOption("");
        page.locator("#col-LOCATION").selectOption("Location");
        assertThat(roleFor(page, "Receptionist")).isEqualTo("front-desk");
        assertThat(roleFor(page, "Medical biller")).isEqualTo("billing");
        assertThat(roleFor(page, "Nurse")).isEqualTo("clinical");
        page.getByLabel("Practice Manager", new Page.GetByLabelOptions().setExact(true)).selectOption("management");
        page.getByLabel("Medical Assistant", new Page.GetByLabelOptions().setExact(true)).selectOption("clinical");
        assertThat(page.locator("section[aria-labelledby=dates] legend").textContent()).contains("03/04/2025");
        page.locator("#day-first").check();
        page.evaluate("() => window.scrollTo(0, 0)");
        browser.screenshot(page, "import-mapping-desktop");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "import-mapping-tablet");
        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        assertThat(total(page, "added")).isEqualTo(4);
        assertThat(total(page, "updated")).isZero();
        assertThat(total(page, "left-out")).isEqualTo(2);
        assertThat(page.locator("#left-out").textContent()).contains("ana." + run + "@lakeside.test is also on line 3",
                "Eli Fox has left");
        assertThat(page.locator("#added").textContent()).contains("Grace Okafor", "Ana Silva", "Ben Carter", "Cleo Diaz",
                "Practice management", "Front desk and intake", "2025-04-03", "North Clinic");
        page.locator("#preview").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-preview-desktop");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "import-preview-tablet");
        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 4 new and 0 changed")).click();

        assertThat(page.locator(".message.success").textContent()).contains("4 added, 0 updated");
        assertThat(page.locator(".message:not(.success)").textContent()).contains("line 7", "line 8");
        assertThat(roles(practice, "Ana Silva", run)).containsExactly("front-desk");

        // next month's export: Ana moved to billing, Cleo left
        upload(page, "hr-export-january.csv", StaffFiles.secondExport(run));
        assertThat(page.locator("#title-roles").textContent()).contains("(remembered)");
        assertThat(roleFor(page, "Medical Biller")).isEqualTo("billing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        assertThat(total(page, "added")).isEqualTo(1);
        assertThat(total(page, "updated")).isEqualTo(1);
        assertThat(total(page, "unchanged")).isEqualTo(2);
        assertThat(total(page, "role-changes")).isEqualTo(1);
        assertThat(page.locator("#role-changes").textContent()).contains("Ana Silva", "Front desk and intake", "Billing and coding");
        String cleo = person(practice, "Cleo Diaz", run).get("id").asString();
        page.locator("#depart-" + cleo).check();
        page.locator("#departedOn").fill(practice.today.minusDays(2).toString());
        page.locator("#missing").scrollIntoViewIfNeeded();
        browser.screenshot(page, "import-reimport-desktop");
        page.setViewportSize(768, 1024);
        browser.screenshot(page, "import-reimport-tablet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 1 new and 1 changed")).click();

        assertThat(page.locator(".message.success").textContent()).contains("1 added, 1 updated, 2 unchanged, 1 marked departed");
        assertThat(roles(practice, "Ana Silva", run)).containsExactly("billing");
        JsonNode departed = person(practice, "Cleo Diaz", run);
        JsonNode last = departed.get("statuses").get(departed.get("statuses").size() - 1);
        assertThat(last.get("status").asString()).isEqualTo("DEPARTED");
        assertThat(last.get("from").asString()).isEqualTo(practice.today.minusDays(2).toString());
        assertThat(person(practice, "Dev Rao", run).get("email").asString()).isEqualTo("dev." + run + "@lakeside.test");
        page.navigate(browser.url("/admin/people/" + person(practice, "Ana Silva", run).get("id").asString()));
        assertThat(page.locator("dl.facts").textContent()).contains("Main Street", "Grace Okafor");
    }

    private static void upload(Page page, String name, String csv) {
        page.locator("#file").setInputFiles(new FilePayload(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check the columns")).click();
        page.locator("#mapping-form").waitFor();
    }

    private static String roleFor(Page page, String title) {
        return page.getByLabel(title, new Page.GetByLabelOptions().setExact(true)).inputValue();
    }

    private static int total(Page page, String name) {
        return Integer.parseInt(page.locator("[data-total=" + name + "] .value").textContent().trim());
    }

    private static JsonNode person(PracticeFixture practice, String name, String run) {
        for (JsonNode p : XapiHttp.json(practice.admin().get("/api/roster/people"))) {
            if (p.get("name").asString().equals(name) && p.path("email").asString("").contains(run)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not on the roster");
    }

    private static List<String> roles(PracticeFixture practice, String name, String run) {
        List<String> roles = new java.util.ArrayList<>();
        person(practice, name, run).get("roles").forEach(r -> {
            if (r.get("to") == null || r.get("to").isNull()) {
                roles.add(r.get("role").asString());
            }
        });
        return roles;
    }
}
