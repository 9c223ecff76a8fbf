package org.hipaatraining.lrs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A practice's month in one test: a roster imported from CSV, statements arriving from our packages, a cmi5 LMS and
 * Moodle's logstore (before and after an admin maps the Moodle activities), a voided statement, a material release,
 * and a rebuild that must reproduce every record exactly.
 */
class ComplianceScenarioTest extends LrsIntegrationTest {

    private static final String MODULES = "https://hipaa-training.org/xapi/activities/module/";
    private static final String MOODLE = "https://moodle.clinic.test";
    private static final String CMI5_LMS = "https://lms.clinic.test";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void statementsFromEverySourceBecomeStatusesAndARebuildReproducesThem() {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        String csv = """
                employee_id,name,email,roles,hire_date,supervisor,status,accounts
                A-%1$s,Ana Reyes,ana.%1$s@clinic.test,billing,%2$s,Maria Lopez,active,
                B-%1$s,Ben Carter,ben.%1$s@clinic.test,everyone,%3$s,Maria Lopez,active,%5$s|ben-%1$s
                C-%1$s,Cara Singh,cara.%1$s@clinic.test,everyone,%4$s,Maria Lopez,active,%6$s|%1$s42
                D-%1$s,Dev Patel,dev.%1$s@clinic.test,everyone,%3$s,Maria Lopez,active,
                E-%1$s,Eve Long,eve.%1$s@clinic.test,everyone,%4$s,Maria Lopez,departed,
                """.formatted(run, today.minusDays(200), today.minusDays(10), today.minusDays(400), CMI5_LMS, MOODLE);
        HttpResponse<String> imported = admin.send("POST", "/api/roster/import", Map.of(),
                csv.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).get("created").asInt()).isEqualTo(5);
        Map<String, String> ids = peopleIds(admin);

        // Ana: our xAPI package, privacy/security/breach/billing passed 190 days ago, role-billing failed twice then passed
        String ana = "mailto:ana." + run + "@clinic.test";
        for (String module : List.of("privacy", "security", "breach", "billing")) {
            post(ours(ana, "passed", module, daysAgo(190), 0.9));
            post(acknowledged(ana, module, daysAgo(190)));
        }
        post(ours(ana, "failed", "role-billing", daysAgo(185), 0.5));
        post(ours(ana, "failed", "role-billing", daysAgo(184), 0.6));
        post(ours(ana, "passed", "role-billing", daysAgo(183), 0.8));
        post(ours(ana, "passed", "reminder-phishing", daysAgo(20), 1.0));

        // Ben: a cmi5 LMS, account actor; privacy passed, security failed, breach never started
        post(cmi5(ben(), "initialized", "privacy", daysAgo(5), null));
        post(cmi5(ben(), "passed", "privacy", daysAgo(5), 0.86));
        post(cmi5(ben(), "failed", "security", daysAgo(4), 0.4));

        // Cara: Moodle's logstore, sent before the admin mapped the Moodle activities
        String moodlePrivacy = MOODLE + "/mod/scorm/view.php?id=" + run + "1";
        String moodleBreach = MOODLE + "/mod/quiz/view.php?id=" + run + "2";
        post(moodle("completed", moodlePrivacy, daysAgo(380), null));
        post(moodle("http://activitystrea.ms/schema/1.0/start", moodleBreach, daysAgo(30), null));
        mapActivity(admin, moodlePrivacy, "privacy", true);
        mapActivity(admin, moodleBreach, "breach", false);
        String moodleSecurity = MOODLE + "/mod/scorm/view.php?id=" + run + "3";
        mapActivity(admin, moodleSecurity, "security", false);
        post(moodle("http://adlnet.gov/expapi/verbs/passed", moodleSecurity, daysAgo(100), 18.0));

        // Dev: passed privacy, then the statement is voided (sent by mistake)
        String dev = "mailto:dev." + run + "@clinic.test";
        ObjectNode devPass = ours(dev, "passed", "privacy", daysAgo(50), 0.95);
        post(devPass);
        post(voiding(devPass.get("id").asString()));

        Map<String, Map<String, JsonNode>> before = statuses(admin, ids, today);

        Map<String, JsonNode> anaStatus = before.get("Ana Reyes");
        assertThat(state(anaStatus, "privacy")).isEqualTo("COMPLIANT");
        assertThat(anaStatus.get("privacy").get("compliantUntil").asString()).isEqualTo(today.minusDays(190).plusMonths(12).toString());
        assertThat(anaStatus.get("privacy").get("acknowledgedPolicy").asString()).isEqualTo("privacy-policy 2026.1");
        assertThat(anaStatus.get("role-billing").get("attempts").asInt()).isEqualTo(3);
        assertThat(anaStatus.get("role-billing").get("scaled").asDouble()).isEqualTo(0.8);
        assertThat(state(anaStatus, "security-reminders")).isEqualTo("COMPLIANT");
        assertThat(anaStatus.get("security-reminders").get("moduleId").asString()).isEqualTo("reminder-mfa");

        Map<String, JsonNode> benStatus = before.get("Ben Carter");
        assertThat(state(benStatus, "privacy")).isEqualTo("COMPLIANT");
        assertThat(benStatus.get("privacy").get("scaled").asDouble()).isEqualTo(0.86);
        assertThat(state(benStatus, "security")).isEqualTo("FAILED");
        assertThat(state(benStatus, "breach")).isEqualTo("NEVER_STARTED");
        assertThat(benStatus.get("breach").get("dueDate").asString()).isEqualTo(today.plusDays(20).toString());

        Map<String, JsonNode> caraStatus = before.get("Cara Singh");
        // Moodle completion 380 days ago counted once mapped, and expired 15 days ago
        assertThat(state(caraStatus, "privacy")).isEqualTo("OVERDUE");
        assertThat(caraStatus.get("privacy").get("completedOn").asString()).isEqualTo(today.minusDays(380).toString());
        assertThat(caraStatus.get("privacy").get("dueDate").asString()).isEqualTo(today.minusDays(380).plusMonths(12).toString());
        assertThat(state(caraStatus, "security")).isEqualTo("COMPLIANT");
        assertThat(caraStatus.get("security").get("scaled").asDouble()).isEqualTo(0.9);
        assertThat(caraStatus.get("security").get("completedVersion").asString()).isEqualTo("1.0.0");
        assertThat(state(caraStatus, "breach")).isEqualTo("OVERDUE");

        assertThat(state(before.get("Dev Patel"), "privacy")).isEqualTo("NEVER_STARTED");
        assertThat(before).doesNotContainKey("Eve Long");

        // The overdue list leaves out people on leave and holds Cara's two overdue modules
        HttpResponse<String> overdue = admin.get("/api/compliance/status", params("overdue", "true", "module", "privacy"));
        // by id: other test classes on the shared database have people with the same names
        assertThat(personIds(json(overdue))).contains(ids.get("Cara Singh")).doesNotContain(ids.get("Ana Reyes"), ids.get("Ben Carter"));

        // A material breach release effective in 60 days makes breach due again 30 days later for Ana, and changes
        // nothing for her other modules (which the catalogue's own releases may make due by then)
        JsonNode privacyWithoutRelease = statuses(admin, ids, today.plusDays(61)).get("Ana Reyes").get("privacy");
        HttpResponse<String> release = admin.postJson("/api/compliance/modules/breach/releases",
                "{\"version\":\"9." + Math.abs(run.hashCode() % 1000) + ".0\",\"date\":\"" + today.plusDays(60)
                        + "\",\"material\":true,\"summary\":\"New incident reporting line and form\"}");
        assertThat(release.statusCode()).as(release.body()).isEqualTo(201);
        Map<String, JsonNode> afterRelease = statuses(admin, ids, today.plusDays(61)).get("Ana Reyes");
        assertThat(state(afterRelease, "breach")).isEqualTo("DUE");
        assertThat(afterRelease.get("breach").get("dueDate").asString()).isEqualTo(today.plusDays(90).toString());
        assertThat(afterRelease.get("privacy").get("state")).isEqualTo(privacyWithoutRelease.get("state"));
        assertThat(afterRelease.get("privacy").get("dueDate")).isEqualTo(privacyWithoutRelease.get("dueDate"));

        // The transcript links every record to its statement, which a read credential can fetch
        JsonNode transcript = json(admin.get("/api/compliance/people/" + ids.get("Ana Reyes") + "/transcript"));
        JsonNode firstEntry = transcript.get("modules").get(0).get("events").get(0);
        String statementUrl = firstEntry.get("statementUrl").asString();
        HttpResponse<String> statement = xapi.get(statementUrl.substring(statementUrl.indexOf("/xapi/")));
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(json(statement).get("id").asString()).isEqualTo(firstEntry.get("event").get("statementId").asString());

        // Rebuilding from statements gives identical records
        Map<String, String> transcripts = transcripts(admin, ids);
        HttpResponse<String> rebuilt = admin.postJson("/api/compliance/rebuild", "{}");
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(statuses(admin, ids, today)).isEqualTo(before);
        assertThat(transcripts(admin, ids)).isEqualTo(transcripts);
    }

    @Test
    void bad_requests_get_a_clear_400_and_records_are_not_deleted_within_six_years() {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        HttpResponse<String> badRole = admin.postJson("/api/roster/people",
                "{\"name\":\"Fay\",\"email\":\"fay." + run + "@clinic.test\",\"roles\":[\"surgeon\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("roles: 'surgeon' is not a role");

        HttpResponse<String> badCsv = admin.send("POST", "/api/roster/import", Map.of(),
                "name,email\nFay,fay@clinic.test\n".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(badCsv.statusCode()).isEqualTo(400);
        assertThat(badCsv.body()).contains("roles");

        HttpResponse<String> created = admin.postJson("/api/roster/people",
                "{\"name\":\"Fay Moss\",\"email\":\"fay." + run + "@clinic.test\",\"roles\":[\"everyone\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        HttpResponse<String> deleted = admin.delete("/api/roster/people/" + id, Map.of());
        assertThat(deleted.statusCode()).isEqualTo(409);
        assertThat(deleted.body()).contains("six years", "164.530(j)");

        HttpResponse<String> release = admin.delete("/api/compliance/modules/privacy/releases/1.0.0", Map.of());
        assertThat(release.statusCode()).isEqualTo(409);
        HttpResponse<String> badMapping = admin.putJson("/api/compliance/activity-mappings",
                "{\"activityIri\":\"not an iri\",\"moduleId\":\"privacy\"}", Map.of());
        assertThat(badMapping.statusCode()).isEqualTo(400);
        assertThat(badMapping.body()).contains("activityIri");
        HttpResponse<String> notJson = admin.postJson("/api/compliance/modules/privacy/releases", "{\"version\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> badState = admin.get("/api/compliance/status", params("state", "FINE"));
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state");
    }

    // --- statements in the shapes each source sends ---

    private ObjectNode ours(String mbox, String verb, String module, Instant at, Double scaled) {
        ObjectNode s = base(at);
        s.putObject("actor").put("mbox", mbox).put("name", "Learner");
        verb(s, "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", MODULES + module).put("objectType", "Activity");
        if (scaled != null) {
            s.putObject("result").put("success", verb.equals("passed")).putObject("score").put("scaled", scaled)
                    .put("raw", Math.round(scaled * 100)).put("min", 0).put("max", 100);
        }
        ObjectNode context = s.putObject("context");
        context.put("registration", UUID.randomUUID().toString());
        context.putObject("extensions").put(Vocabulary.EXT_MODULE_VERSION, "1.0.0").put(Vocabulary.EXT_PACKAGE_FORMAT, "xapi");
        return s;
    }

    private ObjectNode acknowledged(String mbox, String module, Instant at) {
        ObjectNode s = ours(mbox, "passed", module, at.plusSeconds(60), null);
        verb(s, Vocabulary.VERB_ACKNOWLEDGED);
        s.putObject("object").put("id", MODULES + module + "/attestation");
        ((ObjectNode) s.get("context").get("extensions")).put(Vocabulary.EXT_POLICY_ID, module + "-policy")
                .put(Vocabulary.EXT_POLICY_VERSION, "2026.1");
        return s;
    }

    private ObjectNode ben() {
        ObjectNode actor = XapiJson.MAPPER.createObjectNode();
        actor.putObject("account").put("homePage", CMI5_LMS).put("name", "ben-" + run);
        return actor;
    }

    private ObjectNode cmi5(ObjectNode actor, String verb, String module, Instant at, Double scaled) {
        ObjectNode s = base(at);
        s.set("actor", actor);
        verb(s, "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", MODULES + module);
        if (scaled != null) {
            s.putObject("result").put("success", verb.equals("passed")).put("completion", verb.equals("passed"))
                    .put("duration", "PT9M").putObject("score").put("scaled", scaled);
        }
        ObjectNode context = s.putObject("context");
        context.put("registration", UUID.randomUUID().toString());
        context.putObject("contextActivities").putArray("category").addObject()
                .put("id", "https://w3id.org/xapi/cmi5/context/categories/cmi5");
        context.putObject("extensions").put("https://w3id.org/xapi/cmi5/context/extensions/sessionid", UUID.randomUUID().toString())
                .put("https://w3id.org/xapi/cmi5/context/extensions/masteryscore", 0.8)
                .put(Vocabulary.EXT_MODULE_VERSION, "1.0.0");
        return s;
    }

    /** Moodle's logstore plugin: account actor on the site, the Moodle activity's URL as object, no module version. */
    private ObjectNode moodle(String verb, String activity, Instant at, Double raw) {
        ObjectNode s = base(at);
        s.putObject("actor").put("name", "Cara Singh").putObject("account").put("homePage", MOODLE).put("name", run + "42");
        verb(s, verb.startsWith("http") ? verb : "http://adlnet.gov/expapi/verbs/" + verb);
        ObjectNode object = s.putObject("object").put("id", activity);
        object.putObject("definition").put("type", "http://adlnet.gov/expapi/activities/lesson")
                .putObject("name").put("en", "HIPAA training");
        if (raw != null) {
            s.putObject("result").put("success", true).putObject("score").put("raw", raw).put("min", 0).put("max", 20);
        }
        ObjectNode context = s.putObject("context").put("platform", "Moodle").put("language", "en");
        ArrayNode grouping = context.putObject("contextActivities").putArray("grouping");
        grouping.addObject().put("id", MOODLE);
        return s;
    }

    private ObjectNode voiding(String target) {
        ObjectNode s = base(Instant.now());
        s.putObject("actor").put("mbox", "mailto:privacy.officer." + run + "@clinic.test");
        verb(s, "http://adlnet.gov/expapi/verbs/voided");
        s.putObject("object").put("objectType", "StatementRef").put("id", target);
        return s;
    }

    private static ObjectNode base(Instant at) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.put("timestamp", at.toString());
        return s;
    }

    private static void verb(ObjectNode s, String id) {
        s.putObject("verb").put("id", id).putObject("display").put("en-US", id.substring(id.lastIndexOf('/') + 1));
    }

    private Instant daysAgo(int days) {
        return today.minusDays(days).atTime(14, 30).toInstant(ZoneOffset.UTC);
    }

    private void post(ObjectNode statement) {
        HttpResponse<String> response = xapi.postJson("/xapi/statements", XapiJson.write(statement));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void mapActivity(XapiHttp admin, String activity, String module, boolean completionCounts) {
        HttpResponse<String> response = admin.putJson("/api/compliance/activity-mappings", "{\"activityIri\":\"" + activity
                + "\",\"moduleId\":\"" + module + "\",\"completionCounts\":" + completionCounts + "}", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // --- reading the records ---

    private Map<String, String> peopleIds(XapiHttp admin) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode person : json(admin.get("/api/roster/people"))) {
            if (person.path("employeeId").asString("").endsWith(run)) {
                ids.put(person.get("name").asString(), person.get("id").asString());
            }
        }
        assertThat(ids).hasSize(5);
        return ids;
    }

    private Map<String, Map<String, JsonNode>> statuses(XapiHttp admin, Map<String, String> ids, LocalDate on) {
        Map<String, Map<String, JsonNode>> all = new HashMap<>();
        ids.forEach((name, id) -> {
            HttpResponse<String> response = admin.get("/api/compliance/people/" + id + "/status", params("on", on.toString()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Map<String, JsonNode> byRequirement = new HashMap<>();
            json(response).forEach(s -> byRequirement.put(s.get("requirement").asString(), s));
            if (!byRequirement.isEmpty()) {
                all.put(name, byRequirement);
            }
        });
        return all;
    }

    private Map<String, String> transcripts(XapiHttp admin, Map<String, String> ids) {
        Map<String, String> all = new HashMap<>();
        ids.forEach((name, id) -> all.put(name, admin.get("/api/compliance/people/" + id + "/transcript").body()));
        return all;
    }

    private static String state(Map<String, JsonNode> statuses, String requirement) {
        assertThat(statuses).containsKey(requirement);
        return statuses.get(requirement).get("state").asString();
    }

    private static List<String> personIds(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("personId").asString()).toList();
    }
}
