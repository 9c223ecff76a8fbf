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
            assertThat(json(response).get("detail").asString()).startsWith(field + ": ");
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
    void aStatementTheReceiverRefusesIsSetAsideAndAReplayFromItsTimeSendsItAgain() throws Exception {
        URI endpoint = receiver().at("/refusing", null, ScriptedReceiver.Act.REFUSE_400, ScriptedReceiver.Act.REFUSE_400);
        String activities = "https://hipaa-training.org/xapi/activities/test/refused-" + java.util.UUID.randomUUID() + "/";
        XapiHttp admin = admin();
        String id = json(admin.postJson("/api/forwarding/targets", """
                {"name": "Refusing", "kind": "NDJSON", "url": "%s", "selection": {"activities": ["%s*"]}}
                """.formatted(endpoint, activities))).get("target").get("id").asString();
        String mbox = XapiHttp.uniqueMbox();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 3; i++) {
            batch.append(i == 0 ? "" : ",").append(org.hipaatraining.lrs.support.Statements.completed(null, mbox,
                    org.hipaatraining.lrs.support.Statements.COMPLETED, activities + i, java.util.UUID.randomUUID().toString()));
        }
        assertThat(xapi.postJson("/xapi/statements", batch.append(']').toString()).statusCode()).isEqualTo(200);
        java.util.List<String> stored = new java.util.ArrayList<>();
        json(xapi.get("/xapi/statements", params("agent", "{\"mbox\":\"" + mbox + "\"}", "ascending", "true")))
                .get("statements").forEach(s -> stored.add(s.get("id").asString()));

        // the batch of three is refused, then the first alone: it is set aside and the other two go on
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> ndjsonIds(receiver.accepted("/refusing")).size() >= 2);
        assertThat(ndjsonIds(receiver.accepted("/refusing"))).containsExactlyElementsOf(stored.subList(1, 3));
        JsonNode deadLetters = json(admin.get("/api/forwarding/targets/" + id + "/dead-letters"));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).get("ids").get(0).asString()).isEqualTo(stored.get(0));
        assertThat(json(admin.get("/api/forwarding/targets/" + id)).get("deadLettered").asLong()).isEqualTo(1);

        HttpResponse<String> replay = admin.postJson("/api/forwarding/targets/" + id + "/replay", "",
                params("from", deadLetters.get(0).get("from").asString()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> ndjsonIds(receiver.accepted("/refusing")).size() >= 5);
        assertThat(ndjsonIds(receiver.accepted("/refusing")).subList(2, 5)).containsExactlyElementsOf(stored);
    }

    private static java.util.List<String> ndjsonIds(java.util.List<ScriptedReceiver.Received> batches) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (ScriptedReceiver.Received r : batches) {
            for (String line : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(org.hipaatraining.lrs.xapimodel.XapiJson.parse(line, "test").get("id").asString());
                }
            }
        }
        return ids;
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
