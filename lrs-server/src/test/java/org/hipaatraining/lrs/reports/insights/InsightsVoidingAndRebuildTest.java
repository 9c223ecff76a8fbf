package org.hipaatraining.lrs.reports.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Voiding takes an answer's or a result's counts back (once, however often it is voided or re-sent), and a rebuild
 * from the statements gives exactly the counts that arriving batch by batch gave, on a random history with retakes,
 * voids and re-sent batches. Each test uses timestamps in a year no other test uses (2018, 2019), so its periods hold
 * only its own statements.
 */
class InsightsVoidingAndRebuildTest extends LrsIntegrationTest {

    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    @Autowired
    private InsightStore store;

    @Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;

    private XapiHttp admin;
    private Module module;

    @BeforeEach
    void setUp() {
        admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        module = Catalogue.loadDefault().module("privacy").orElseThrow();
    }

    @Test
    void voidingAnAnswerOrAResultTakesItsCountsBackOnce() {
        String day = "2019-03-15";
        Question q1 = module.questions().get(0);
        Question q2 = module.questions().get(1);
        Question q3 = module.questions().get(2);
        String mbox = XapiHttp.uniqueMbox();
        String registration = UUID.randomUUID().toString();
        String draw = draw();
        String a1 = UUID.randomUUID().toString();
        String a2 = UUID.randomUUID().toString();
        String passed = UUID.randomUUID().toString();
        String answers = "[" + answered(a1, mbox, registration, day + "T10:00:00Z", "front-desk", draw, q1, q1.correct()) + ","
                + answered(a2, mbox, registration, day + "T10:01:00Z", "front-desk", draw, q2, List.of(wrongChoice(q2))) + "]";
        post(answers);
        post(result(passed, mbox, registration, day + "T10:02:00Z", "front-desk", draw, true));

        Map<String, JsonNode> items = items("front-desk", day, day);
        assertItem(items, q1, 1, 1, 1, 1, 1);
        assertItem(items, q2, 1, 1, 0, 1, 0);
        assertThat(choice(items, q2, wrongChoice(q2))).isEqualTo(1);
        assertThat(missed("front-desk", day, q2.objective())).isEqualTo(1);
        // the month counters say the same as the day's
        assertItem(items("front-desk", "2019-03", "2019-03"), q2, 1, 1, 0, 1, 0);
        assertItem(items("front-desk", "2019-03-14", "2019-04-02"), q2, 1, 1, 0, 1, 0);
        assertItem(items("front-desk", "2019-03-16", "2019-04-30"), q2, 0, 0, 0, 0, 0);

        // voiding the wrong answer takes back its answer, its choice, its first try and its share of the passed result
        String voiding = UUID.randomUUID().toString();
        post(voiding(voiding, a2));
        items = items("front-desk", day, day);
        assertItem(items, q1, 1, 1, 1, 1, 1);
        assertItem(items, q2, 0, 0, 0, 0, 0);
        assertThat(choice(items, q2, wrongChoice(q2))).isZero();
        assertThat(missed("front-desk", day, q2.objective())).isZero();
        assertItem(items("front-desk", "2019-03", "2019-03"), q2, 0, 0, 0, 0, 0);

        // the same voiding statement again, another voiding statement for it, and the answers re-sent: nothing moves
        post(voiding(voiding, a2));
        xapi.postJson("/xapi/statements", voiding(UUID.randomUUID().toString(), a2)); // refused or accepted: no count
        xapi.postJson("/xapi/statements", answers);
        items = items("front-desk", day, day);
        assertItem(items, q1, 1, 1, 1, 1, 1);
        assertItem(items, q2, 0, 0, 0, 0, 0);

        // voiding the result takes back the passed side of the answers that remain; the answers stay
        post(voiding(UUID.randomUUID().toString(), passed));
        items = items("front-desk", day, day);
        assertItem(items, q1, 1, 1, 1, 0, 0);
        assertItem(items("front-desk", "2019-03", "2019-03"), q1, 1, 1, 1, 0, 0);

        // an answer voided before its attempt's result: the result does not count it
        String other = XapiHttp.uniqueMbox();
        String otherRegistration = UUID.randomUUID().toString();
        String otherDraw = draw();
        String a3 = UUID.randomUUID().toString();
        post(answered(a3, other, otherRegistration, day + "T11:00:00Z", "clinical", otherDraw, q3, List.of(wrongChoice(q3))));
        assertItem(items("clinical", day, day), q3, 1, 1, 0, 0, 0);
        post(voiding(UUID.randomUUID().toString(), a3));
        post(result(UUID.randomUUID().toString(), other, otherRegistration, day + "T11:05:00Z", "clinical", otherDraw, false));
        assertItem(items("clinical", day, day), q3, 0, 0, 0, 0, 0);
        assertThat(items("clinical", day, day).get(q3.id()).get("failAnswered").asInt()).isZero();
    }

    @Test
    void aRebuildFromTheStatementsGivesTheIncrementalCounts() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> roles = List.of("front-desk", "clinical");
        List<String> answeredIds = new ArrayList<>();
        List<String> resultIds = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int learner = 0; learner < 12; learner++) {
            String mbox = XapiHttp.uniqueMbox();
            String role = roles.get(random.nextInt(roles.size()));
            Instant at = Instant.parse("2018-01-01T08:00:00Z").plusSeconds(random.nextInt(150 * 86400));
            int attempts = 1 + random.nextInt(3);
            for (int attempt = 0; attempt < attempts; attempt++) {
                String registration = UUID.randomUUID().toString();
                String draw = draw();
                List<String> batch = new ArrayList<>();
                for (Lesson lesson : module.lessons()) {
                    at = at.plusSeconds(20 + random.nextInt(600));
                    batch.add(experienced(UUID.randomUUID().toString(), mbox, registration, at.toString(), role, lesson));
                }
                List<Question> drawn = new ArrayList<>(module.questions());
                java.util.Collections.shuffle(drawn, random);
                int right = 0;
                int asked = Math.min(5, drawn.size());
                for (Question q : drawn.subList(0, asked)) {
                    at = at.plusSeconds(5 + random.nextInt(60));
                    boolean correct = random.nextDouble() < 0.65;
                    right += correct ? 1 : 0;
                    String id = UUID.randomUUID().toString();
                    answeredIds.add(id);
                    batch.add(answered(id, mbox, registration, at.toString(), role, draw, q,
                            correct ? q.correct() : List.of(wrongChoice(q))));
                }
                if (random.nextDouble() < 0.85) {
                    String id = UUID.randomUUID().toString();
                    resultIds.add(id);
                    batch.add(result(id, mbox, registration, at.plusSeconds(3).toString(), role, draw, right * 10 >= asked * 7));
                }
                // in batches of random sizes, as a player's queue sends them
                for (int i = 0; i < batch.size(); ) {
                    int n = 1 + random.nextInt(6);
                    String json = "[" + String.join(",", batch.subList(i, Math.min(batch.size(), i + n))) + "]";
                    post(json);
                    sent.add(json);
                    i += n;
                }
                at = at.plusSeconds(86400L * random.nextInt(10));
            }
        }
        // voids: some answers and results, a few twice; and some batches re-sent
        for (String id : answeredIds) {
            if (random.nextDouble() < 0.12) {
                post(voiding(UUID.randomUUID().toString(), id));
            }
        }
        for (String id : resultIds) {
            if (random.nextDouble() < 0.15) {
                String voiding = voiding(UUID.randomUUID().toString(), id);
                post(voiding);
                if (random.nextBoolean()) {
                    post(voiding);
                }
            }
        }
        for (String json : sent) {
            if (random.nextDouble() < 0.1) {
                post(json);
            }
        }

        Map<String, Object> incremental = snapshot();
        assertThat(((List<?>) incremental.get(InsightStore.ITEMS))).as("seed %d", seed).isNotEmpty();

        // a rebuild cut short before its switch (a crash) leaves the counters in use as they were; the next one starts clean
        InsightStore cutShort = store.startRebuild();
        cutShort.increment(InsightStore.ITEMS, Map.of("left-by-a-crash", new InsightStore.Counter(Map.of("module", module.id(),
                "version", module.version(), "role", "*", "month", "2018-03"), Map.of("answers", 999))));
        assertThat(snapshot()).as("seed %d", seed).isEqualTo(incremental);
        // while another instance holds the rebuild's claim, a second rebuild is refused rather than run beside it
        assertThat(store.claimRebuild("another-instance", java.time.Instant.now(), java.time.Duration.ofMinutes(1))).isTrue();
        HttpResponse<String> refused = admin.postJson("/api/reports/insights/rebuild", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("another server instance");
        store.releaseRebuild("another-instance");

        HttpResponse<String> rebuilt = admin.postJson("/api/reports/insights/rebuild", "{}");
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(XapiHttp.json(rebuilt).get("statementsRead").asLong()).isPositive();
        Map<String, Object> fromStatements = snapshot();
        for (String key : incremental.keySet()) {
            if (incremental.get(key) instanceof List<?> counters) {
                List<?> rebuiltCounters = (List<?>) fromStatements.get(key);
                for (int i = 0; i < Math.min(counters.size(), rebuiltCounters.size()); i++) {
                    assertThat(rebuiltCounters.get(i)).as("%s #%d, seed %d", key, i, seed).isEqualTo(counters.get(i));
                }
            }
            assertThat(fromStatements.get(key)).as("%s, seed %d", key, seed).isEqualTo(incremental.get(key));
        }
        assertThat(store.format()).isEqualTo(KnowledgeCheckProjector.FORMAT);
        assertThat(InsightStore.SETS.stream().filter(set -> mongo.collectionExists(InsightStore.ITEMS + set)))
                .as("the replaced set is dropped once every instance counts into the new one").hasSize(1);
        // an xAPI client may not rebuild (admins only)
        assertThat(xapi.postJson("/api/reports/insights/rebuild", "{}").statusCode()).isIn(401, 403);
    }

    /** The 2018 counters as stored, and the insights as the API gives them for several roles and periods. */
    private Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String collection : List.of(InsightStore.ITEMS, InsightStore.OBJECTIVES, InsightStore.LESSONS)) {
            List<Document> docs = new ArrayList<>();
            for (Document d : store.all(collection)) {
                String period = d.getString("month") != null ? d.getString("month") : d.getString("day");
                if (period != null && period.startsWith("2018")) {
                    docs.add(d);
                }
            }
            snapshot.put(collection, docs);
        }
        for (String role : List.of("*", "front-desk", "clinical")) {
            for (String[] period : List.of(new String[] {"2018-01", "2018-06"}, new String[] {"2018-02-10", "2018-04-20"},
                    new String[] {"2018-03-05", "2018-03-05"})) {
                JsonNode insights = XapiHttp.json(admin.get("/api/reports/insights", params("module", module.id(), "role", role,
                        "from", period[0], "to", period[1])));
                snapshot.put(role + " " + period[0] + ".." + period[1],
                        insights.get("items").toString() + insights.get("lessons") + insights.get("misunderstood"));
            }
        }
        return snapshot;
    }

    private void post(String json) {
        HttpResponse<String> response = xapi.postJson("/xapi/statements", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private Map<String, JsonNode> itemsById(JsonNode insights) {
        Map<String, JsonNode> byId = new HashMap<>();
        insights.get("items").forEach(i -> byId.put(i.get("id").asString(), i));
        return byId;
    }

    private Map<String, JsonNode> items(String role, String from, String to) {
        HttpResponse<String> response = admin.get("/api/reports/insights", params("module", module.id(), "role", role,
                "from", from, "to", to));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return itemsById(XapiHttp.json(response));
    }

    private int missed(String role, String day, String objective) {
        JsonNode insights = XapiHttp.json(admin.get("/api/reports/insights", params("module", module.id(), "from", day, "to", day)));
        for (JsonNode r : insights.get("misunderstood")) {
            if (r.get("role").asString().equals(role)) {
                for (JsonNode o : r.get("objectives")) {
                    if (o.get("objective").asString().equals(objective)) {
                        return o.get("firstMissed").asInt();
                    }
                }
            }
        }
        return 0;
    }

    private static void assertItem(Map<String, JsonNode> items, Question q, int answers, int firstTries, int firstCorrect, int passAnswered,
                                   int passCorrect) {
        JsonNode item = items.get(q.id());
        assertThat(item.get("answers").asInt()).as("%s answers", q.id()).isEqualTo(answers);
        assertThat(item.get("firstTries").asInt()).as("%s firstTries", q.id()).isEqualTo(firstTries);
        assertThat(item.get("firstCorrect").asInt()).as("%s firstCorrect", q.id()).isEqualTo(firstCorrect);
        assertThat(item.get("passAnswered").asInt()).as("%s passAnswered", q.id()).isEqualTo(passAnswered);
        assertThat(item.get("passCorrect").asInt()).as("%s passCorrect", q.id()).isEqualTo(passCorrect);
    }

    private static int choice(Map<String, JsonNode> items, Question q, String choice) {
        for (JsonNode c : items.get(q.id()).get("choices")) {
            if (c.get("id").asString().equals(choice)) {
                return c.get("count").asInt();
            }
        }
        throw new AssertionError("no choice " + choice);
    }

    private static String wrongChoice(Question q) {
        return q.choices().stream().map(Choice::id).filter(c -> !q.correct().contains(c)).findFirst().orElseThrow();
    }

    private static String draw() {
        return "{\"seed\": \"" + UUID.randomUUID() + "\", \"cycle\": \"1\", \"attempt\": \"1\"}";
    }

    private String context(String registration, String role, String draw) {
        return """
                "context": {"registration": "%s", "contextActivities": {"parent": [{"id": "%s"}]},
                  "extensions": {"%s": "%s", "%s": "%s"%s}}""".formatted(registration, module.iri(),
                Vocabulary.EXT_MODULE_VERSION, module.version(), Vocabulary.EXT_ROLE, role,
                draw == null ? "" : ", \"" + Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW + "\": " + draw);
    }

    private String answered(String id, String mbox, String registration, String timestamp, String role, String draw,
                            Question q, List<String> chosen) {
        return """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "%s", "display": {"en-US": "answered"}},
                 "object": {"id": "%s"}, "result": {"response": "%s", "success": %s}, "timestamp": "%s", %s}"""
                .formatted(id, mbox, Vocabulary.VERB_ANSWERED, q.iri(), String.join("[,]", chosen),
                        q.isCorrect(java.util.Set.copyOf(chosen)), timestamp, context(registration, role, draw));
    }

    private String result(String id, String mbox, String registration, String timestamp, String role, String draw,
                          boolean passed) {
        return """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "%s", "display": {"en-US": "%s"}},
                 "object": {"id": "%s"}, "result": {"success": %s, "completion": true, "score": {"scaled": %s}},
                 "timestamp": "%s", %s}"""
                .formatted(id, mbox, passed ? Vocabulary.VERB_PASSED : Vocabulary.VERB_FAILED, passed ? "passed" : "failed",
                        module.iri(), passed, passed ? "0.9" : "0.4", timestamp, context(registration, role, draw));
    }

    private String experienced(String id, String mbox, String registration, String timestamp, String role, Lesson lesson) {
        return """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "%s", "display": {"en-US": "experienced"}},
                 "object": {"id": "%s"}, "timestamp": "%s", %s}"""
                .formatted(id, mbox, Vocabulary.VERB_EXPERIENCED, lesson.iri(), timestamp, context(registration, role, null));
    }

    private static String voiding(String id, String target) {
        return """
                {"id": "%s", "actor": {"mbox": "mailto:officer@clinic.example"}, "verb": {"id": "%s"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(id, VOIDED, target);
    }
}
