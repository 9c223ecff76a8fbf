package org.hipaatraining.lrs.reports.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The statement explorer in Chromium: find a person on the roster, filter, read a line, open its JSON, page back
 * through a session's statements, and follow the links between a statement and the training record it made.
 */
class StatementExplorerBrowserTest extends LrsIntegrationTest {

    @Test
    void anAdminFindsAPersonsPassFollowsItToTheRecordAndBack() {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        Module privacy = Catalogue.loadDefault().module("privacy").orElseThrow();
        String surname = "Reyes" + UUID.randomUUID().toString().substring(0, 6);
        String email = "ana." + surname.toLowerCase() + "@clinic.test";
        HttpResponse<String> created = admin.postJson("/api/roster/people",
                "{\"name\":\"Ana " + surname + "\",\"email\":\"" + email + "\",\"roles\":[\"front-desk\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String personId = XapiHttp.json(created).get("id").asString();
        String clientName = null;
        for (JsonNode client : XapiHttp.json(admin.get("/api/admin/clients"))) {
            if (client.get("key").asString().equals(KEY)) {
                clientName = client.get("name").asString();
            }
        }
        assertThat(clientName).isNotBlank();

        // a session: 30 lessons read (more than a page), then the pass
        String registration = UUID.randomUUID().toString();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(statement(email, "http://adlnet.gov/expapi/verbs/experienced", privacy.lessons().get(i % privacy.lessons().size()).iri(),
                    registration, "2026-12-03T13:%02d:00Z".formatted(i), null, privacy));
        }
        assertThat(xapi.postJson("/xapi/statements", "[" + String.join(",", batch) + "]").statusCode()).isEqualTo(200);
        HttpResponse<String> pass = xapi.postJson("/xapi/statements", statement(email, "http://adlnet.gov/expapi/verbs/passed",
                privacy.iri(), registration, "2026-12-03T14:02:00Z", "0.86", privacy));
        String passId = XapiHttp.json(pass).get(0).asString();

        try (AdminBrowser browser = new AdminBrowser(port)) {
            for (int[] size : new int[][] {{1280, 900}, {768, 1024}}) {
                Page page = browser.signedIn("admin", ADMIN_PASSWORD, size[0], size[1]);
                page.navigate(browser.url("/admin/statements"));
                page.getByLabel("Find a person on the roster").fill(surname);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
                page.locator("#person-matches").getByText("Ana " + surname).click();
                page.waitForURL(Pattern.compile(".*person=" + personId + ".*"));

                // newest first: the pass, then a full page of lessons; the next page holds the rest
                Locator rows = page.locator("#statement-list > li");
                assertThat(rows.count()).isEqualTo(StatementExplorerController.PAGE);
                String firstLine = rows.first().locator("summary").textContent().replaceAll("\\s+", " ").trim();
                assertThat(firstLine).isEqualTo("Ana " + surname + " passed " + privacy.title() + " " + privacy.version()
                        + ", 86%, via " + clientName + ", 3 Dec 2026 14:02 UTC");
                @SuppressWarnings("unchecked") List<String> firstPage = (List<String>) rows.evaluateAll("rows => rows.map(r => r.dataset.statement)");
                browser.screenshot(page, "statements-" + size[0] + "x" + size[1]);
                page.locator("#older").click();
                page.waitForURL(Pattern.compile(".*after=.*"));
                @SuppressWarnings("unchecked") List<String> secondPage = (List<String>) page.locator("#statement-list > li").evaluateAll("rows => rows.map(r => r.dataset.statement)");
                assertThat(secondPage).hasSize(31 - StatementExplorerController.PAGE).doesNotContainAnyElementsOf(firstPage);
                assertThat(page.locator("#older").count()).isZero();

                // filter by verb: just the pass; its JSON one click away
                page.navigate(browser.url("/admin/statements?person=" + personId));
                page.getByLabel("Verb").selectOption("passed");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
                page.waitForURL(Pattern.compile(".*verb=passed.*"));
                assertThat(page.locator("#statement-list > li").count()).isEqualTo(1);
                Locator json = page.locator("#statement-list > li pre.json");
                assertThat(json.isVisible()).isFalse();
                page.locator("#statement-list > li summary").click();
                assertThat(json.isVisible()).isTrue();
                assertThat(json.textContent()).contains("\"id\" : \"" + passId + "\"", "\"scaled\" : 0.86");
                browser.screenshot(page, "statements-json-" + size[0] + "x" + size[1]);

                // the statement's page links to the training record it made, and the record links back
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statement page")).click();
                page.waitForURL(Pattern.compile(".*/admin/statements/" + passId));
                assertThat(page.locator("#training-record").textContent()).contains("Passed", "privacy " + privacy.version());
                browser.screenshot(page, "statement-" + size[0] + "x" + size[1]);
                page.locator("#training-record a").click();
                page.waitForURL(Pattern.compile(".*/admin/people/" + personId + "#record-" + passId));
                Locator record = page.locator("#record-" + passId);
                assertThat(record.textContent()).contains("Passed", "86%", clientName);
                // the session's 30 "started" records are one line that opens to list them
                Locator session = page.locator("table[data-module='privacy'] tr[data-grouped='30']");
                assertThat(session.count()).isEqualTo(1);
                session.locator("summary").click();
                assertThat(session.locator("li").count()).isEqualTo(30);
                browser.screenshot(page, "person-records-" + size[0] + "x" + size[1]);
                record.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Statement " + passId)).click();
                page.waitForURL(Pattern.compile(".*/admin/statements/" + passId));
                page.locator("#person-link").waitFor();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("their statements")).click();
                page.waitForURL(Pattern.compile(".*/admin/statements\\?person=" + personId));
                page.context().close();
            }
            browser.assertNoPolicyViolations();
        }
    }

    private static String statement(String email, String verb, String object, String registration, String timestamp,
                                    String scaled, Module module) {
        return """
                {"actor": {"name": "Ana", "mbox": "mailto:%s"}, "verb": {"id": "%s"},
                 "object": {"id": "%s"},%s
                 "context": {"registration": "%s", "contextActivities": {"parent": [{"id": "%s"}]},
                             "extensions": {"https://hipaa-training.org/xapi/extensions/module-version": "%s"}},
                 "timestamp": "%s"}""".formatted(email, verb, object,
                scaled == null ? "" : " \"result\": {\"score\": {\"scaled\": " + scaled + "}, \"success\": true, \"completion\": true},",
                registration, module.iri(), module.version(), timestamp);
    }
}
