package org.hipaatraining.lrs.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Policy;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.ModulePlayer;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.ServedPackage;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 16's "done when" for policies, end to end on a server of its own (a new policy version makes modules due for
 * everyone, which other tests sharing a database would not expect): an admin edits the privacy policy on the admin
 * pages and publishes a new version; a clinician who acknowledged the model policy becomes due; the xAPI package
 * downloaded from the LRS and the cmi5 launcher's course show the new text before the acknowledgement (played in
 * Chromium with drawn items); the records and the audit package show each version with its SHA-256, matching the
 * stored text.
 */
class PolicyRetrainingTest extends LrsIntegrationTest {

    private static final String MODULE = "role-clinical";
    private static final String POLICY = "privacy-policy";
    /** The practice's own rule, added to a section the clinical module shows: plain ASCII, so it reads the same in every encoding. */
    private static final String NEW_RULE = "Callers must give the date of birth and the callback code before we share anything.";

    private final Catalogue catalogue = Catalogue.loadDefault();

    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("lrs-policies"));
        registry.add("lrs.packages.build-at-startup", () -> "false");
    }

    @Test
    void aNewPolicyVersionIsShownAcknowledgedRecordedAndMakesEarlierAcknowledgersDue() throws Exception {
        Module module = catalogue.module(MODULE).orElseThrow();
        Policy model = catalogue.policy(POLICY).orElseThrow();
        String modelSha = model.excerpt(module.attestation().sections()).sha256();
        PracticeFixture practice = new PracticeFixture(xapi);
        XapiHttp admin = practice.admin();

        // Cam completed the module three days ago and acknowledged the model policy; Nia, hired last week, has not started.
        PracticeFixture.Learner cam = practice.person("Cam Rivera", "cam", List.of("clinical"), 200, "Dr. Okafor");
        String nia = "nia-" + practice.run;
        ObjectNode niaDetails = XapiJson.MAPPER.createObjectNode().put("name", "Nia Cole").put("email", nia + "@clinic.test")
                .put("hireDate", practice.today.minusDays(7).toString());
        niaDetails.putArray("roles").add("clinical");
        niaDetails.putArray("accounts").add("https://clinic.example|" + nia);
        HttpResponse<String> created = admin.postJson("/api/roster/people", XapiJson.write(niaDetails));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String niaId = json(created).get("id").asString();
        String registration = UUID.randomUUID().toString();
        practice.send(TrainingStatements.result(cam.mbox(), cam.name(), Vocabulary.VERB_PASSED, MODULE, module.version(),
                TrainingStatements.daysAgo(3), 1.0, registration));
        ObjectNode oldAck = TrainingStatements.acknowledged(cam.mbox(), cam.name(), MODULE, TrainingStatements.daysAgo(3),
                POLICY, model.version());
        ((ObjectNode) oldAck.get("context").get("extensions")).put(Vocabulary.EXT_POLICY_SHA256, modelSha)
                .set(Vocabulary.EXT_POLICY_SECTIONS, XapiJson.MAPPER.valueToTree(module.attestation().sections()));
        practice.send(oldAck);
        assertThat(state(practice, cam.id(), MODULE)).isEqualTo("COMPLIANT");
        String packageName = "hipaa-module-" + MODULE + "-" + module.version() + "-xapi.zip";
        byte[] before = admin.getBytes("/api/packages/" + packageName, Map.of()).body();

        // The admin edits the policy on its admin page: the model text with the practice's own rule, previewed, published.
        Document edited = Jsoup.parseBodyFragment(model.html());
        edited.outputSettings().prettyPrint(false);
        edited.getElementById("family-friends-and-callers").appendElement("p").text(NEW_RULE);
        String version = publishOnTheAdminPage(edited.body().html());
        assertThat(version).isEqualTo("2027.2");

        JsonNode published = json(admin.get("/api/policies/" + POLICY + "/versions/" + version));
        Policy practicePolicy = new Policy(POLICY, published.get("title").asString(), version, null,
                published.get("html").asString());
        String newSha = practicePolicy.excerpt(module.attestation().sections()).sha256();
        assertThat(newSha).isNotEqualTo(modelSha);
        assertThat(published.get("origin").asString()).isEqualTo("practice");
        assertThat(published.get("publishedBy").asString()).isEqualTo("admin");

        // A material release of every module citing the policy; Cam is due again within the retraining window.
        JsonNode releases = json(admin.get("/api/compliance/modules/" + MODULE + "/releases"));
        JsonNode release = findRelease(releases, "3.0.0");
        assertThat(release.get("material").asBoolean()).isTrue();
        assertThat(release.get("date").asString()).isEqualTo(practice.today.toString());
        assertThat(release.get("summary").asString()).contains(POLICY + ") version " + version);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(practice, cam.id(), MODULE).equals("DUE"));
        assertThat(status(practice, cam.id(), MODULE).get("dueDate").asString())
                .isEqualTo(practice.today.plusDays(30).toString());
        assertThat(state(practice, niaId, MODULE)).as("never trained: still her onboarding").isEqualTo("NEVER_STARTED");

        // The package from the LRS now carries the new text; Cam plays it in Chromium and sees it before acknowledging.
        byte[] after = admin.getBytes("/api/packages/" + packageName, Map.of()).body();
        assertThat(after).isNotEqualTo(before);
        try (ServedPackage served = new ServedPackage(after); Playwright playwright = Playwright.create();
             Browser browser = chromium(playwright)) {
            assertThat(served.allText()).contains(NEW_RULE);
            Page page = browser.newPage(new Browser.NewPageOptions().setReducedMotion(ReducedMotion.REDUCE));
            page.navigate(served.xapiLaunch(MODULE, module.iri(), xapi.base().toString(), KEY, SECRET, cam.email(),
                    cam.name(), UUID.randomUUID().toString()));
            ModulePlayer.playLookingBeforeAcknowledging(page.mainFrame(), module, frame -> seesTheNewPolicy(frame, version));
            page.close(); // pagehide: terminated is sent
        }
        Map<String, String> camFilter = params("agent", "{\"mbox\":\"" + cam.mbox() + "\"}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                statements(camFilter).stream().anyMatch(s -> s.at("/verb/id").asString().equals(Vocabulary.VERB_TERMINATED)));
        JsonNode camAck = acknowledgement(statements(camFilter), version);
        assertThat(camAck.at("/context/extensions").get(Vocabulary.EXT_POLICY_SHA256).asString()).isEqualTo(newSha);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(practice, cam.id(), MODULE).equals("COMPLIANT"));

        // The cmi5 launcher's course too: Nia plays it through the LRS's launch, with the items the player draws.
        String niaRegistration = cmi5Play(admin, module, nia, version);
        List<JsonNode> niaStatements = statements(params("registration", niaRegistration));
        assertThat(acknowledgement(niaStatements, version).at("/context/extensions").get(Vocabulary.EXT_POLICY_SHA256)
                .asString()).isEqualTo(newSha);
        List<JsonNode> answered = niaStatements.stream()
                .filter(s -> s.at("/verb/id").asString().equals(Vocabulary.VERB_ANSWERED)).toList();
        assertThat(answered).hasSize(ModulePlayer.questionsPerAttempt(module));
        JsonNode draw = niaStatements.stream().filter(s -> s.at("/verb/id").asString().equals(Vocabulary.VERB_PASSED))
                .findFirst().orElseThrow().at("/context/extensions").get(Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW);
        assertThat(draw.get("items")).hasSize(ModulePlayer.questionsPerAttempt(module));
        assertThat(answered.stream().map(s -> s.at("/object/id").asString()))
                .allMatch(iri -> iri.startsWith(module.iri() + "/question/"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(practice, niaId, MODULE).equals("COMPLIANT"));

        // The records: both acknowledgements with version and hash; the audit package prints each version's hash.
        List<JsonNode> acks = new ArrayList<>();
        for (JsonNode m : json(admin.get("/api/compliance/people/" + cam.id() + "/transcript")).get("modules")) {
            m.get("events").forEach(e -> {
                if (e.at("/event/type").asString().equals("ACKNOWLEDGED")) {
                    acks.add(e.get("event"));
                }
            });
        }
        assertThat(acks).extracting(e -> e.get("policyVersion").asString() + " " + e.get("policySha256").asString())
                .containsExactlyInAnyOrder(model.version() + " " + modelSha, version + " " + newSha);
        HttpResponse<byte[]> pdf = admin.getBytes("/api/reports/audit.pdf", params("person", cam.id()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String audit = pdfText(pdf.body(), "audit-policy-versions");
        assertThat(audit).contains("Policy versions acknowledged", POLICY + " " + model.version(), POLICY + " " + version,
                modelSha, newSha, "SHA-256 " + newSha.substring(0, 12) + "…, matches", "1 match");
        assertThat(audit).doesNotContain("does NOT match");
        String csv = admin.get("/api/reports/training-records.csv").body();
        assertThat(csv).contains(newSha, modelSha);
    }

    @Test
    void aPolicyWrittenInMarkdownIsPublishedWithItsSectionsAndHistory() {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        String policy = "officer-responsibilities";
        HttpResponse<String> response = admin.postJson("/api/policies/" + policy + "/versions", XapiJson.write(
                XapiJson.MAPPER.createObjectNode().put("title", "HIPAA program responsibilities").put("version", "2027-clinic")
                        .put("effectiveDate", "2027-02-01").put("format", "markdown").put("text", """
                                # HIPAA program responsibilities

                                ## Who leads the program {#officers}

                                Dr. Okafor is the **Privacy Officer**; Sam Lee is the Security Official.

                                ## Yearly review

                                The officers review this policy every January.
                                """)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode published = json(response);
        assertThat(published.at("/version/sections")).extracting(JsonNode::asString).containsExactly("officers", "yearly-review");
        assertThat(published.at("/version/html").asString()).startsWith("<section id=\"officers\"><h2>Who leads the program</h2>")
                .contains("<strong>Privacy Officer</strong>");
        assertThat(published.get("materialReleaseFor")).extracting(JsonNode::asString).containsExactly("role-management");

        JsonNode view = json(admin.get("/api/policies/" + policy));
        assertThat(view.at("/current/version").asString()).isEqualTo("2027-clinic");
        assertThat(view.at("/current/source").asString()).as("the editor reopens what was typed").contains("{#officers}");
        assertThat(view.get("history")).extracting(v -> v.get("version").asString() + " " + v.get("origin").asString())
                .containsExactly("2027-clinic practice", "2027.1 catalogue");
        assertThat(json(admin.get("/api/policies/" + policy + "/versions/2027.1")).get("origin").asString()).isEqualTo("catalogue");
        List<String> inForce = new ArrayList<>();
        json(admin.get("/api/policies")).forEach(p -> inForce.add(p.get("policyId").asString() + " " + p.get("version").asString()));
        assertThat(inForce).hasSize(5).contains(policy + " 2027-clinic");
    }

    @Test
    void badInputIsA400NamingTheFieldAndAnUnknownPolicyA404() {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        String policy = "business-associate-obligations";
        String model = catalogue.policy(policy).orElseThrow().html();
        Map<String, String> refusals = Map.of(
                "{\"title\":\"T\",\"version\":\"2027.9\",\"effectiveDate\":\"2027-02-01\",\"text\":\"\"}", "text: the policy's text is required",
                "{\"title\":\"T\",\"version\":\"2027 9\",\"effectiveDate\":\"2027-02-01\",\"text\":\"## A\"}", "version: '2027 9' must be",
                "{\"title\":\"T\",\"version\":\"2027.1\",\"effectiveDate\":\"2027-02-01\",\"text\":\"## A\"}", "version: " + policy + " 2027.1 is already published",
                "{\"title\":\"T\",\"version\":\"2027.9\",\"effectiveDate\":\"1 Feb\",\"text\":\"## A\"}", "effectiveDate: '1 Feb' must be a date",
                "{\"title\":\"\",\"version\":\"2027.9\",\"effectiveDate\":\"2027-02-01\",\"text\":\"## A\"}", "title: the policy's title is required",
                "{\"title\":\"T\",\"version\":\"2027.9\",\"effectiveDate\":\"2027-02-01\",\"format\":\"pdf\",\"text\":\"## A\"}", "format: 'pdf' must be markdown or html",
                "{\"title\":\"T\",\"version\":\"2027.9\",\"effectiveDate\":\"2027-02-01\",\"text\":\"Intro first.\\n\\n## A\"}", "text: starts with \\\"Intro first.\\\" before any heading",
                XapiJson.write(XapiJson.MAPPER.createObjectNode().put("title", "T").put("version", "2027.9")
                        .put("effectiveDate", "2027-02-01").put("format", "html").put("text", model)), "text: the same as version 2027.1");
        refusals.forEach((body, message) -> {
            HttpResponse<String> response = admin.postJson("/api/policies/" + policy + "/versions", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains(message);
        });
        for (String malformed : List.of("not json", "{\"title\":{\"a\":1},\"text\":\"## A\"}", "[]", "")) {
            HttpResponse<String> response = admin.postJson("/api/policies/" + policy + "/versions", malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
        }
        HttpResponse<String> unknown = admin.postJson("/api/policies/no-such-policy/versions", "{\"title\":\"T\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("policyId: no policy 'no-such-policy'");
        assertThat(admin.get("/api/policies/" + policy + "/versions/1999.1").statusCode()).isEqualTo(404);
        assertThat(json(admin.get("/api/policies/" + policy)).get("history")).as("nothing was stored").hasSize(1);
    }

    /** Publishes through the admin pages as an admin would; returns the version (the one the page suggests). */
    private String publishOnTheAdminPage(String html) {
        try (AdminBrowser browser = new AdminBrowser(port)) {
            Page page = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
            page.navigate(browser.url("/admin/policies"));
            browser.screenshot(page, "policies-1280");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Privacy policy and procedures")).click();
            page.waitForURL("**/admin/policies/" + POLICY);
            String version = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Version")).inputValue();
            page.locator("input#effectiveDate").fill(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString());
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("HTML")).check();
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true)).fill(html);
            // a version already used is refused, the form kept as typed
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Version")).fill("2027.1");
            com.microsoft.playwright.Response refused = page.waitForResponse(r -> r.url().endsWith("/versions"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this version")).click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator(".message.error").textContent()).contains("Not published: version: privacy-policy 2027.1"
                    + " is already published");
            assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Text").setExact(true))
                    .inputValue()).contains(NEW_RULE);
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Version")).fill(version);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            page.waitForURL("**/admin/policies/" + POLICY + "/preview");
            assertThat(page.locator("#preview-title").textContent()).contains("Preview of version " + version);
            assertThat(page.locator(".panel .policy-text").last().textContent()).contains(NEW_RULE);
            browser.screenshot(page, "policy-preview-1280");
            page.setViewportSize(768, 1024);
            browser.screenshot(page, "policy-preview-768");
            page.setViewportSize(1280, 900);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this version")).click();
            page.waitForURL("**/admin/policies/" + POLICY);
            assertThat(page.locator(".message.success").textContent()).contains("Published", "version " + version,
                    "due again");
            assertThat(page.locator("#in-force").textContent()).isEqualTo("Version " + version + ", in force");
            browser.screenshot(page, "policy-published-1280");
            page.navigate(browser.url("/admin/modules/" + MODULE));
            assertThat(page.locator(".kit").textContent()).contains("Three talking points", "Two-minute huddle",
                    "Listen for:");
            assertThat(page.locator("dl.facts").textContent()).contains("Privacy policy and procedures", "version " + version,
                    "Family, friends and callers");
            page.locator(".kit").scrollIntoViewIfNeeded();
            browser.screenshot(page, "module-kit-1280");
            page.setViewportSize(768, 1024);
            page.locator(".kit h2").scrollIntoViewIfNeeded();
            browser.screenshot(page, "module-kit-768");
            browser.assertNoPolicyViolations();
            return version;
        }
    }

    private static void seesTheNewPolicy(Frame frame, String version) {
        assertThat(frame.locator(".hp-policy-text").textContent()).contains(NEW_RULE);
        assertThat(frame.locator(".hp-policy-meta").textContent()).contains("Version " + version);
    }

    /** Registers and launches the module's cmi5 course for the learner's account and plays it; returns the registration. */
    private String cmi5Play(XapiHttp admin, Module module, String account, String version) throws InterruptedException {
        ObjectNode actor = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", "Nia Cole");
        actor.putObject("account").put("homePage", "https://clinic.example").put("name", account);
        HttpResponse<String> registered = admin.postJson("/api/cmi5/registrations",
                XapiJson.MAPPER.createObjectNode().put("courseId", "module-" + MODULE).set("actor", actor).toString());
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String registration = json(registered).get("registration").asString();
        HttpResponse<String> launched = admin.postJson("/api/cmi5/registrations/" + registration + "/launch",
                XapiJson.MAPPER.createObjectNode().put("auId", module.iri()).put("returnURL", "https://lms.clinic.example/course/1")
                        .toString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
        try (Playwright playwright = Playwright.create(); Browser browser = chromium(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setReducedMotion(ReducedMotion.REDUCE));
            page.navigate(json(launched).get("url").asString());
            ModulePlayer.playLookingBeforeAcknowledging(page.mainFrame(), module, frame -> seesTheNewPolicy(frame, version));
            page.close();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                statements(params("registration", registration)).stream()
                        .anyMatch(s -> s.at("/verb/id").asString().equals(Vocabulary.VERB_TERMINATED)));
        return registration;
    }

    private static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking")));
    }

    private List<JsonNode> statements(Map<String, String> filter) {
        Map<String, String> query = new java.util.HashMap<>(filter);
        query.put("limit", "500");
        List<JsonNode> found = new ArrayList<>();
        json(xapi.get("/xapi/statements", query)).get("statements").forEach(found::add);
        return found;
    }

    /** The acknowledgement of this policy version among the statements, once it has arrived (the player sends from a queue). */
    private JsonNode acknowledgement(List<JsonNode> statements, String version) {
        return statements.stream().filter(s -> s.at("/verb/id").asString().equals(Vocabulary.VERB_ACKNOWLEDGED)
                        && version.equals(s.at("/context/extensions").path(Vocabulary.EXT_POLICY_VERSION).asString()))
                .findFirst().orElseGet(() -> {
                    String agent = statements.isEmpty() ? null : XapiJson.write(statements.get(0).get("actor"));
                    throw new AssertionError("no acknowledgement of " + version + " among " + statements.size()
                            + " statements of " + agent);
                });
    }

    /** The PDF's text; the PDF is kept under target/reports for a look. */
    private static String pdfText(byte[] pdf, String name) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "reports");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve(name + ".pdf"), pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static JsonNode findRelease(JsonNode releases, String version) {
        for (JsonNode r : releases) {
            if (r.get("version").asString().equals(version)) {
                return r;
            }
        }
        throw new AssertionError("no release " + version + " in " + releases);
    }

    private static JsonNode status(PracticeFixture practice, String personId, String moduleId) {
        return practice.statuses(new PracticeFixture.Learner(personId, null, null, null)).get(moduleId);
    }

    private static String state(PracticeFixture practice, String personId, String moduleId) {
        JsonNode status = status(practice, personId, moduleId);
        return status == null ? "none" : status.get("state").asString();
    }
}
