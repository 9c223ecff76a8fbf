package org.hipaatraining.lrs.reports.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.ModulePlayer;
import org.hipaatraining.lrs.support.PackageServer;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Thirty learners play the packaged privacy module in Chromium with answers chosen for them, and the insights count
 * exactly what they answered. Twenty "strong" learners answer everything right except the family-and-friends items
 * (and still pass: 12 of 14); ten "weak" learners get those right and miss three other objectives (and fail: 8 of 14).
 * So a family-and-friends item is missed by the people who pass and answered right by those who fail: negative
 * discrimination, flagged; a recognise-phi item the other way round.
 */
class KnowledgeCheckInsightsTest extends LrsIntegrationTest {

    private static final String MODULE = "privacy";
    private static final int LEARNERS = 30;
    private static final int STRONG = 20;
    private static final Set<String> STRONG_MISS = Set.of("family-and-friends");
    private static final Set<String> WEAK_MISS = Set.of("recognise-phi", "uses-and-authorizations", "minimum-necessary");

    /** One answer as given: which item, which choices, right or not, and whether the learner's attempt passed. */
    private record Given(String item, List<String> chosen, boolean correct, boolean passed) {
    }

    @Test
    void thirtyLearnersPlayThePrivacyModuleAndTheInsightsCountExactlyWhatTheyAnswered() throws Exception {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        Module module = Catalogue.loadDefault().module(MODULE).orElseThrow();
        Map<String, JsonNode> before = items(admin, null);

        HttpResponse<byte[]> zip = admin.getBytes("/api/packages/hipaa-module-" + MODULE + "-" + module.version() + "-xapi.zip", Map.of());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<Given> given = new ArrayList<>();
        try (PackageServer content = new PackageServer(zip.body()); AdminBrowser browser = new AdminBrowser(port)) {
            for (int i = 0; i < LEARNERS; i++) {
                boolean strong = i < STRONG;
                String email = "learner" + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
                HttpResponse<String> person = admin.postJson("/api/roster/people", "{\"name\":\"Learner " + i + "\",\"email\":\""
                        + email + "\",\"roles\":[\"" + (i < 15 ? "front-desk" : "clinical") + "\"]}");
                assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
                Page page = browser.page(1024, 768);
                page.navigate(content.base() + "/modules/" + MODULE + "/index.html?endpoint=" + enc(xapi.base() + "/xapi/")
                        + "&auth=" + enc("Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                        + "&actor=" + enc("{\"name\":[\"Learner " + i + "\"],\"mbox\":[\"mailto:" + email + "\"]}")
                        + "&registration=" + UUID.randomUUID() + "&activity_id=" + enc(module.iri()));
                List<Given> mine = new ArrayList<>();
                boolean passed = ModulePlayer.play(page.mainFrame(), module, q -> {
                    boolean miss = (strong ? STRONG_MISS : WEAK_MISS).contains(q.objective());
                    List<String> chosen = miss ? List.of(wrongChoice(q)) : q.correct();
                    mine.add(new Given(q.id(), chosen, !miss, false));
                    return chosen;
                });
                assertThat(passed).as("learner %d passed", i).isEqualTo(strong);
                mine.forEach(g -> given.add(new Given(g.item(), g.chosen(), g.correct(), passed)));
                page.context().close();
            }
        }
        assertThat(given).hasSize(LEARNERS * ModulePlayer.questionsPerAttempt(module));

        Map<String, Map<String, Integer>> expected = expected(given);
        // the player sends from a queue: the counts are complete once its last statements have arrived
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonNode> after = items(admin, null);
            for (Question q : module.questions()) {
                Map<String, Integer> want = expected.getOrDefault(q.id(), Map.of());
                for (String field : List.of("answers", "firstTries", "firstCorrect", "passAnswered", "passCorrect",
                        "failAnswered", "failCorrect")) {
                    assertThat(delta(after, before, q.id(), field)).as("%s %s", q.id(), field).isEqualTo(want.getOrDefault(field, 0));
                }
                for (JsonNode choice : after.get(q.id()).get("choices")) {
                    String id = choice.get("id").asString();
                    assertThat(choice.get("count").asInt() - choiceCount(before.get(q.id()), id)).as("%s choice %s", q.id(), id)
                            .isEqualTo(want.getOrDefault("choice:" + id, 0));
                }
            }
        });

        Map<String, JsonNode> after = items(admin, null);
        int negative = 0;
        int positive = 0;
        for (Question q : module.questions()) {
            JsonNode item = after.get(q.id());
            Map<String, Integer> want = expected.getOrDefault(q.id(), Map.of());
            if (want.getOrDefault("passAnswered", 0) == 0 || want.getOrDefault("failAnswered", 0) == 0) {
                continue;
            }
            double discrimination = item.get("discrimination").asDouble();
            if (STRONG_MISS.contains(q.objective())) {
                assertThat(discrimination).as(q.id()).isNegative();
                negative++;
                if (item.get("passAnswered").asInt() >= InsightsService.MIN_SIDE && item.get("failAnswered").asInt() >= InsightsService.MIN_SIDE) {
                    assertThat(item.get("flags").toString()).as(q.id()).contains("strong learners miss it");
                }
            } else if (q.objective().equals("recognise-phi")) {
                assertThat(discrimination).as(q.id()).isPositive();
                assertThat(item.get("flags").toString()).doesNotContain("strong learners miss it");
                positive++;
            }
        }
        assertThat(negative).isPositive();
        assertThat(positive).isPositive();

        // what each role misunderstands: front-desk learners are all strong and miss only family-and-friends
        JsonNode insights = XapiHttp.json(admin.get("/api/reports/insights", params("module", MODULE)));
        JsonNode frontDesk = null;
        for (JsonNode role : insights.get("misunderstood")) {
            if (role.get("role").asString().equals("front-desk")) {
                frontDesk = role;
            }
        }
        assertThat(frontDesk).isNotNull();
        assertThat(frontDesk.get("objectives").get(0).get("objective").asString()).isEqualTo("family-and-friends");
        assertThat(frontDesk.get("objectives").get(0).get("lessonTitle").asString())
                .isEqualTo(module.lesson(module.objective("family-and-friends").orElseThrow().lessonId()).orElseThrow().title());

        // lessons were read and timed
        for (JsonNode lesson : insights.get("lessons")) {
            assertThat(lesson.get("views").asInt()).as(lesson.get("id").asString()).isGreaterThanOrEqualTo(LEARNERS);
            assertThat(lesson.get("medianSeconds").isNull()).isFalse();
        }

        theInsightsPageShowsTheSameNumbers(module, after);
    }

    private void theInsightsPageShowsTheSameNumbers(Module module, Map<String, JsonNode> items) {
        try (AdminBrowser browser = new AdminBrowser(port)) {
            for (int[] size : new int[][] {{1280, 900}, {768, 1024}}) {
                Page page = browser.signedIn("admin", ADMIN_PASSWORD, size[0], size[1]);
                page.navigate(browser.url("/admin/insights"));
                page.getByLabel("Module").selectOption(MODULE);
                page.getByLabel("Role").selectOption("front-desk");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
                page.waitForURL(java.util.regex.Pattern.compile(".*role=front-desk.*"));
                Locator firstMiss = page.locator("#misunderstood table[data-role='front-desk'] tbody tr").first();
                assertThat(firstMiss.getAttribute("data-objective")).isEqualTo("family-and-friends");
                assertThat(page.locator("#items-chart").getAttribute("data-rendered")).isNotNull();
                page.getByLabel("Role").selectOption("*");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
                page.waitForURL(java.util.regex.Pattern.compile(".*role=(\\*|%2A).*"));
                for (Question q : module.questions()) {
                    JsonNode item = items.get(q.id());
                    Locator row = page.locator("#items-table tr[data-item='" + q.id() + "']");
                    String first = row.locator("td[data-field='first']").textContent().trim();
                    if (item.get("firstTries").asInt() > 0) {
                        assertThat(first).startsWith(item.get("firstCorrect").asInt() + " of " + item.get("firstTries").asInt());
                    }
                }
                page.waitForFunction("() => document.querySelector('#lessons-chart').getAttribute('data-rendered')");
                browser.screenshot(page, "insights-" + size[0] + "x" + size[1]);
                page.locator("#misunderstood").scrollIntoViewIfNeeded();
                page.context().close();
            }
            browser.assertNoPolicyViolations();
        }
    }

    private static String wrongChoice(Question q) {
        return q.choices().stream().map(c -> c.id()).filter(id -> !q.correct().contains(id)).findFirst().orElseThrow();
    }

    private static Map<String, Map<String, Integer>> expected(List<Given> given) {
        Map<String, Map<String, Integer>> expected = new HashMap<>();
        for (Given g : given) {
            Map<String, Integer> counts = expected.computeIfAbsent(g.item(), k -> new HashMap<>());
            String side = g.passed() ? "pass" : "fail";
            List<String> fields = new ArrayList<>(List.of("answers", "firstTries", side + "Answered"));
            if (g.correct()) {
                fields.addAll(List.of("firstCorrect", side + "Correct"));
            }
            g.chosen().forEach(c -> fields.add("choice:" + c));
            fields.forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        return expected;
    }

    private static Map<String, JsonNode> items(XapiHttp admin, String role) {
        HttpResponse<String> response = admin.get("/api/reports/insights", role == null ? params("module", MODULE)
                : params("module", MODULE, "role", role));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> items = new HashMap<>();
        XapiHttp.json(response).get("items").forEach(item -> items.put(item.get("id").asString(), item));
        return items;
    }

    private static int delta(Map<String, JsonNode> after, Map<String, JsonNode> before, String item, String field) {
        return after.get(item).get(field).asInt() - before.get(item).get(field).asInt();
    }

    private static int choiceCount(JsonNode item, String choice) {
        for (JsonNode c : item.get("choices")) {
            if (c.get("id").asString().equals(choice)) {
                return c.get("count").asInt();
            }
        }
        return 0;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
