package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The xapi and cmi5 adapters against a fake LRS/LMS (what the player sends, not how an LRS stores it: the real
 * lrs-server runs these packages in its own tests).
 */
class XapiCmi5PlayerTest extends BrowserTestBase {

    static final String ACTOR = "{\"objectType\":\"Agent\",\"name\":\"Pat Learner\",\"account\":"
            + "{\"homePage\":\"https://lms.example.org\",\"name\":\"pat\"}}";
    static final String CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    static final String MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    static final String SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

    FakeLrs lrs;
    String base;

    @BeforeEach
    void lrs() {
        lrs = new FakeLrs();
        base = "/t" + UUID.randomUUID().toString().substring(0, 8) + "/";
        lrs.install(server, base);
        server.put(base + "returned.html", "<!DOCTYPE html><html lang=\"en\"><title>Course</title><p>Back in the LMS</p></html>");
    }

    private String launchUrl(Module module, PackageFormat format, Map<String, String> params) {
        String prefix = base + "pkg/";
        server.putAll(prefix, Packages.module(module.id(), format));
        return server.url(prefix + "modules/" + module.id() + "/index.html?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private String cmi5Launch(Module module, String registration, String launchMode, double masteryScore) {
        lrs.launchData = """
                {"contextTemplate": {"contextActivities": {"grouping": [{"id": "https://lms.example.org/au/publisher"}]},
                  "extensions": {"%s": "session-1"}},
                 "launchMode": "%s", "moveOn": "CompletedAndPassed", "masteryScore": %s,
                 "returnURL": "%s"}
                """.formatted(SESSION, launchMode, masteryScore, server.url(base + "returned.html"));
        return launchUrl(module, PackageFormat.CMI5, new java.util.LinkedHashMap<>(Map.of(
                "endpoint", server.url(base + "xapi/"), "fetch", server.url(base + "fetch"), "actor", ACTOR,
                "registration", registration, "activityId", module.iri())));
    }

    @Test
    void cmi5NormalLaunchSendsTheCmi5StatementsAndReturnsToTheLms() {
        Module module = Packages.smallestModuleWithQuestions();
        String registration = UUID.randomUUID().toString();
        Page page = newPage(390, 844);
        page.navigate(cmi5Launch(module, registration, "Normal", 0.5));
        PlayerDriver player = new PlayerDriver(page.mainFrame(), module);
        player.start();
        page.reload(); // a reload keeps the session's token instead of asking the fetch URL again
        player.waitForScreen("S").resume().readLessons(0);
        List<String> asked = player.answerAttempt(i -> i % 2 == 0); // half right: passes the LMS's 0.5, not the module's
        assertThat(player.heading()).isEqualTo("You passed");
        player.click("Continue").acknowledgeAndFinish().click("Return to the course");
        page.waitForURL("**/returned.html");

        assertThat(lrs.fetchCalls.get()).isEqualTo(1);
        assertThat(lrs.authorizations).containsOnly("Basic " + FakeLrs.TOKEN);
        List<String> verbs = lrs.verbs();
        int n = player.questionCount();
        List<String> expected = new ArrayList<>(List.of("initialized", "terminated", "initialized"));
        module.lessons().forEach(l -> expected.add("experienced"));
        asked.forEach(q -> expected.add("answered"));
        expected.addAll(List.of("passed", "completed", "terminated"));
        assertThat(verbs).containsExactlyElementsOf(expected);

        for (JsonNode statement : lrs.statements()) {
            assertThat(statement.get("context").get("registration").asString()).isEqualTo(registration);
            assertThat(statement.get("context").get("extensions").get(SESSION).asString()).isEqualTo("session-1");
            assertThat(statement.get("actor").get("account").get("name").asString()).isEqualTo("pat");
            assertThat(statement.get("id").asString()).isNotBlank();
        }
        JsonNode passed = byVerb("passed").get(0);
        assertThat(passed.get("object").get("id").asString()).isEqualTo(module.iri());
        assertThat(categories(passed)).containsExactlyInAnyOrder(CMI5, MOVE_ON);
        assertThat(passed.get("context").get("extensions").get("https://w3id.org/xapi/cmi5/context/extensions/masteryscore")
                .asDouble()).isEqualTo(0.5);
        assertThat(passed.get("result").get("success").asBoolean()).isTrue();
        assertThat(passed.get("result").get("score").get("scaled").asDouble())
                .isEqualTo(Math.round((n + 1) / 2 * 10000.0 / n) / 10000.0);
        assertThat(categories(byVerb("completed").get(0))).containsExactlyInAnyOrder(CMI5, MOVE_ON);
        assertThat(categories(byVerb("initialized").get(0))).containsExactly(CMI5);
        assertThat(categories(byVerb("terminated").get(1))).containsExactly(CMI5);
        assertThat(byVerb("terminated").get(1).get("result").get("duration").asString()).startsWith("PT");
        JsonNode answered = byVerb("answered").get(0);
        assertThat(categories(answered)).isEmpty();
        assertThat(answered.get("object").get("id").asString()).isEqualTo(module.question(asked.get(0)).orElseThrow().iri());
        // The draw is named on every answer and on the result: seed (the registration), cycle, attempt, items.
        JsonNode draw = answered.get("context").get("extensions").get(Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW);
        assertThat(draw.get("seed").asString()).isEqualTo(registration);
        assertThat(draw.get("attempt").asInt()).isEqualTo(1);
        assertThat(draw.get("cycle").asInt()).isEqualTo(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        assertThat(draw.get("items").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(asked);
        assertThat(passed.get("context").get("extensions").get(Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW)).isEqualTo(draw);
        assertThat(passed.get("context").get("extensions").get(Vocabulary.EXT_OBJECTIVES_MISSED).isArray()).isTrue();
        // The LRS can reproduce the attempt from those fields with the catalogue's reference draw.
        org.hipaatraining.content.KnowledgeCheckDraw reference = org.hipaatraining.content.KnowledgeCheckDraw.first(
                registration, draw.get("cycle").asInt());
        assertThat(reference.items(module).stream().map(org.hipaatraining.content.Question::id)).containsExactlyElementsOf(asked);
        List<String> shownOrder = answered.get("context").get("extensions").get(Vocabulary.EXT_CHOICE_ORDER).valueStream()
                .map(JsonNode::asString).toList();
        assertThat(shownOrder).containsExactlyElementsOf(reference.choices(module, module.question(asked.get(0))
                .orElseThrow()).stream().map(org.hipaatraining.content.Choice::id).toList());
        assertThat(answered.get("context").get("contextActivities").get("parent").get(0).get("id").asString())
                .isEqualTo(module.iri());
        assertThat(answered.get("context").get("extensions").get(Vocabulary.EXT_PACKAGE_FORMAT).asString()).isEqualTo("cmi5");
        assertThat(answered.get("context").get("extensions").get(Vocabulary.EXT_MODULE_VERSION).asString())
                .isEqualTo(module.version());
    }

    @Test
    void cmi5BrowseModeSendsOnlyInitializedAndTerminated() {
        Module module = Packages.smallestModuleWithQuestions();
        Page page = newPage(1280, 800);
        page.navigate(cmi5Launch(module, UUID.randomUUID().toString(), "Browse", 0.8));
        PlayerDriver player = new PlayerDriver(page.mainFrame(), module);
        player.start().readLessons(0).answerQuestions(0, i -> true).click("Continue").acknowledgeAndFinish();
        assertThat(page.locator("#hp-notice").innerText()).contains("Browse");
        player.click("Return to the course");
        page.waitForURL("**/returned.html");
        assertThat(lrs.verbs()).containsExactly("initialized", "terminated");
    }

    @Test
    void aRefusedFetchUrlIsExplainedAndTheModuleStillOpens() {
        Module module = Packages.smallestModuleWithQuestions();
        String url = cmi5Launch(module, UUID.randomUUID().toString(), "Normal", 0.8);
        lrs.fetchCalls.set(1); // the LMS already handed out this launch's token
        Page page = newPage(390, 844);
        page.navigate(url);
        new PlayerDriver(page.mainFrame(), module).waitForScreen("S");
        assertThat(page.locator("#hp-notice").innerText()).contains("did not allow").contains("already in use");
        assertThat(lrs.statements()).isEmpty();
    }

    @Test
    void cmi5SendsFailedOncePerSessionAndNeverAfterPassed() {
        Module module = Packages.smallestModuleWithQuestions();
        Page page = newPage(1280, 800);
        page.navigate(cmi5Launch(module, UUID.randomUUID().toString(), "Normal", 0.8));
        PlayerDriver player = new PlayerDriver(page.mainFrame(), module);
        player.start().readLessons(0).answerQuestions(0, i -> false);
        player.click("Retake the knowledge check").answerQuestions(0, i -> false);
        player.click("Retake the knowledge check").answerQuestions(0, i -> true);
        player.click("Continue").acknowledgeAndFinish();
        page.waitForCondition(() -> lrs.verbs().contains("terminated"));
        assertThat(lrs.verbs().stream().filter(v -> v.equals("failed") || v.equals("passed")))
                .containsExactly("failed", "passed");
    }

    @Test
    void xapiLaunchResumesFromTheStateApiAndRecordsTheAcknowledgement() {
        Module module = Packages.catalogue().modules().stream().filter(m -> m.attestation() != null)
                .min((a, b) -> Integer.compare(a.questions().size(), b.questions().size())).orElseThrow();
        String registration = UUID.randomUUID().toString();
        String url = launchUrl(module, PackageFormat.XAPI, new java.util.LinkedHashMap<>(Map.of(
                "endpoint", server.url(base + "xapi"), "auth", "Basic dXNlcjpwYXNz",
                "actor", "{\"name\":[\"Pat Learner\"],\"mbox\":[\"mailto:pat@example.org\"]}",
                "registration", registration, "activity_id", module.iri())));
        Page page = newPage(1280, 800);
        page.navigate(url);
        PlayerDriver player = new PlayerDriver(page.mainFrame(), module);
        player.start().readLessons(0).answer(0, true).click("Next question").waitForScreen("Q1");
        page.waitForCondition(() -> lrs.documents.values().stream().anyMatch(d -> d.contains("\"s\":\"Q\"")));

        page.navigate(url);
        player.waitForScreen("S").resume().waitForScreen("Q1");
        player.answerQuestions(1, i -> true).click("Continue").acknowledgeAndFinish();
        page.waitForCondition(() -> lrs.verbs().size() >= 2 && lrs.verbs().get(lrs.verbs().size() - 1).equals("terminated")
                && lrs.verbs().contains("acknowledged"));

        assertThat(lrs.authorizations).containsOnly("Basic dXNlcjpwYXNz");
        assertThat(lrs.statePuts.get(0)).isEqualTo("If-None-Match: *");
        assertThat(lrs.statePuts.subList(1, lrs.statePuts.size())).allSatisfy(p -> assertThat(p).startsWith("If-Match: "));
        JsonNode acknowledged = byVerb("acknowledged").get(0);
        assertThat(acknowledged.get("verb").get("id").asString()).isEqualTo(Vocabulary.VERB_ACKNOWLEDGED);
        assertThat(acknowledged.get("object").get("id").asString()).isEqualTo(module.attestation().iri());
        assertThat(acknowledged.get("context").get("extensions").get(Vocabulary.EXT_POLICY_ID).asString())
                .isEqualTo(module.attestation().policyId());
        assertThat(acknowledged.get("context").get("extensions").get(Vocabulary.EXT_POLICY_VERSION).asString())
                .isEqualTo(module.attestation().policyVersion());
        // The fingerprint of the policy text shown is the one the catalogue computes for that excerpt.
        var excerpt = Packages.catalogue().policies().excerptFor(module);
        assertThat(acknowledged.get("context").get("extensions").get(Vocabulary.EXT_POLICY_SHA256).asString())
                .isEqualTo(excerpt.sha256());
        assertThat(acknowledged.get("context").get("extensions").get(Vocabulary.EXT_POLICY_SECTIONS).valueStream()
                .map(JsonNode::asString)).containsExactlyElementsOf(excerpt.sectionIds());
        assertThat(acknowledged.get("actor").get("mbox").asString()).isEqualTo("mailto:pat@example.org");
        assertThat(lrs.verbs()).containsSubsequence("initialized", "answered", "terminated", "initialized", "answered",
                "passed", "acknowledged", "completed", "terminated");
        assertThat(lrs.statements()).allSatisfy(s -> assertThat(categories(s)).isEmpty());
    }

    private List<JsonNode> byVerb(String verb) {
        return lrs.statements().stream().filter(s -> s.get("verb").get("id").asString().endsWith("/" + verb)).toList();
    }

    static List<String> categories(JsonNode statement) {
        JsonNode activities = statement.get("context").get("contextActivities");
        List<String> ids = new ArrayList<>();
        if (activities != null && activities.get("category") != null) {
            activities.get("category").forEach(c -> ids.add(c.get("id").asString()));
        }
        return ids;
    }
}
