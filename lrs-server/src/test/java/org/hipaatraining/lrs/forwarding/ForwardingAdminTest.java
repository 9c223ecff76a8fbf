package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.http.HttpResponse;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The forwarding API's answers to bad input and its masking of secrets, and the admin pages in a browser. */
class ForwardingAdminTest extends LrsIntegrationTest {

    private static ScriptedReceiver receiver;

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private XapiHttp admin() {
        return XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
    }

    private static ScriptedReceiver receiver() throws Exception {
        if (receiver == null) {
            receiver = new ScriptedReceiver();
        }
        return receiver;
    }

    private void refused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (field != null) {
            assertThat(json(response).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void badInputIsA400NamingTheFieldAndNeverA500() {
        XapiHttp admin = admin();
        refused(admin.postJson("/api/forwarding/targets", "{\"kind\":\"XAPI_LRS\",\"url\":\"https://lrs.example/xapi\"}"), 400, "name");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"FTP\",\"url\":\"https://a.example\"}"), 400, "kind");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"NDJSON\",\"url\":\"not a url\"}"), 400, "url");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"NDJSON\",\"url\":\"http://warehouse.example/in\"}"), 400, "url");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"XAPI_LRS\",\"url\":\"https://lrs.example/xapi\","
                + "\"xapiVersion\":\"0.95\"}"), 400, "xapiVersion");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"XAPI_LRS\",\"url\":\"https://lrs.example/xapi\","
                + "\"credentials\":{\"kind\":\"BASIC\",\"username\":\"k\"}}"), 400, "credentials.secret");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"url\":\"https://hr.example\","
                + "\"events\":[\"person.hired\"]}"), 400, "events");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"NDJSON\",\"url\":\"https://a.example\","
                + "\"startFrom\":\"last week\"}"), 400, "startFrom");
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":"), 400, null);
        refused(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"NDJSON\",\"url\":\"https://a.example\","
                + "\"paused\":\"maybe\"}"), 400, null);
        refused(admin.get("/api/forwarding/targets/no-such-target"), 404, null);
        refused(admin.postJson("/api/forwarding/targets/no-such-target/pause", ""), 404, null);

        String id = json(admin.postJson("/api/forwarding/targets", "{\"name\":\"x\",\"kind\":\"NDJSON\",\"url\":\"https://a.example\","
                + "\"paused\":true}")).get("target").get("id").asString();
        refused(admin.postJson("/api/forwarding/targets/" + id + "/replay", ""), 400, "from");
        refused(admin.postJson("/api/forwarding/targets/" + id + "/replay", "", params("from", "yesterday")), 400, "from");
        refused(admin.postJson("/api/forwarding/targets/" + id + "/replay", "", params("from", "2999-01-01")), 400, "from");
        assertThat(admin.delete("/api/forwarding/targets/" + id, java.util.Map.of()).statusCode()).isEqualTo(204);
        assertThat(XapiHttp.basic(xapi.base(), KEY, SECRET).get("/api/forwarding/targets").statusCode())
                .as("an xAPI client is not an admin").isIn(401, 403);
    }

    @Test
    void secretsAreShownOnlyMaskedAndTheSigningSecretOnlyOnceAtCreation() {
        XapiHttp admin = admin();
        String lrsSecret = "lrs-secret-that-must-stay-hidden-1234";
        JsonNode created = json(admin.postJson("/api/forwarding/targets", """
                {"name": "Masked", "kind": "XAPI_LRS", "url": "https://lrs.example/xapi", "paused": true,
                 "credentials": {"kind": "BASIC", "username": "clinic", "secret": "%s"}}""".formatted(lrsSecret)));
        String id = created.get("target").get("id").asString();
        JsonNode hook = json(admin.postJson("/api/forwarding/targets",
                "{\"name\":\"Hook\",\"kind\":\"WEBHOOK\",\"url\":\"https://hr.example/h\",\"paused\":true}"));
        String signing = hook.get("signingSecret").asString();

        String listed = admin.get("/api/forwarding/targets").body();
        assertThat(listed).doesNotContain(lrsSecret).doesNotContain(signing).contains("••••1234");
        assertThat(admin.get("/api/forwarding/targets/" + id).body()).doesNotContain(lrsSecret);
        // a change without the secret keeps it
        HttpResponse<String> changed = admin.putJson("/api/forwarding/targets/" + id, """
                {"name": "Masked, renamed", "kind": "XAPI_LRS", "url": "https://lrs.example/xapi", "paused": true,
                 "credentials": {"kind": "BASIC", "username": "clinic"}}""", java.util.Map.of());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("credentials").get("secret").asString()).isEqualTo("••••1234");
    }

    @Test
    void theAdminPagesShowATargetAndItsButtonsWorkAndFitA768PixelWindow() throws Exception {
        URI endpoint = receiver().at("/page-ndjson", null);
        try (AdminBrowser browser = new AdminBrowser(port)) {
            Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1024, 768);
            page.navigate(browser.url("/admin/forwarding"));
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Warehouse from the page");
            page.getByLabel("Kind of target").selectOption("NDJSON");
            page.locator("#url").fill(endpoint.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target")).click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/admin/forwarding/[0-9a-f]{8}$"));
            String message = page.locator(".message.success").textContent();
            assertThat(message).contains("signing secret").contains("whsec_");
            String secret = message.substring(message.indexOf("whsec_")).strip();

            page.reload();
            assertThat(page.content()).doesNotContain(secret);
            assertThat(page.locator("[data-figure=status] .value").textContent()).isIn("CAUGHT_UP", "DELIVERING");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test")).click();
            assertThat(page.locator(".message.success").textContent()).contains("answered 200");
            assertThat(page.locator("#deliveries").textContent()).contains("test");
            ScriptedReceiver.Received test = receiver.accepted("/page-ndjson").get(0);
            assertThat(WebhookSignature.verify(secret, Long.parseLong(test.header(WebhookSignature.TIMESTAMP)), test.body(),
                    test.header(WebhookSignature.SIGNATURE))).isTrue();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause")).click();
            assertThat(page.locator("[data-figure=status] .value").textContent()).isEqualTo("PAUSED");
            browser.screenshot(page, "forwarding-target-1024x768");

            page.setViewportSize(768, 1024);
            assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("target page width").isEqualTo(768);
            browser.screenshot(page, "forwarding-target-768x1024");
            page.navigate(browser.url("/admin/forwarding"));
            assertThat(page.locator("#targets").textContent()).contains("Warehouse from the page");
            assertThat(page.evaluate("() => document.documentElement.scrollWidth")).as("targets page width").isEqualTo(768);
            browser.screenshot(page, "forwarding-768x1024");
            browser.assertNoPolicyViolations();
        }
    }
}
