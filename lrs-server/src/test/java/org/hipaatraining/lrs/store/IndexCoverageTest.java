package org.hipaatraining.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.RecordedQueries;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapi.statements.StatementQueryShapes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every query the LRS sends to MongoDB must be served by an index: an equality on {@code _id}, or a declared index
 * whose first field the query constrains by equality, or whose first field is the sort (or range) of a query with no
 * equality. mongo-java-server ignores non-unique indexes, so this is checked on the query shapes themselves, recorded
 * from the wire while the API is exercised (here, and by every other test in the same JVM).
 */
class IndexCoverageTest extends LrsIntegrationTest {

    /**
     * Tables that are read whole on purpose: a practice has a handful of clients, admins and LMS activity mappings,
     * its roster (tens to a few thousand people) is read whole for every practice-wide report, and activity
     * definitions (listed for admins mapping LMS activities) grow with content, not with statements.
     */
    private static final Set<String> READ_WHOLE = Set.of("clients", "admin_users", "activity_mappings", "people", "activities",
            "module_releases", // a few practice releases, read whole for a status computation
            "forwarding_targets"); // a handful of forwarding targets, read whole by each instance's delivery poll

    @Autowired
    List<DeclaresIndexes> declarers;

    @Test
    void everyRecordedQueryIsServedByADeclaredIndex() {
        exerciseEveryQueryShape();

        List<IndexDeclaration> indexes = declarers.stream().flatMap(d -> d.indexes().stream()).toList();
        List<String> uncovered = new ArrayList<>();
        Set<String> shapes = new HashSet<>();
        for (RecordedQueries.Query query : RecordedQueries.INSTANCE.all()) {
            if (READ_WHOLE.contains(query.collection())) {
                continue;
            }
            if (query.command().equals("count") && query.filter().isEmpty()) {
                continue; // an estimated count of a whole collection reads its metadata, not its documents
            }
            if (query.command().equals("find") && query.collection().endsWith(".files") && query.filter().isEmpty()) {
                continue; // the MongoDB driver's GridFS looks whether a bucket is empty before its first upload
            }
            if (query.command().equals("delete") && query.filter().isEmpty()) {
                continue; // clearing a whole collection (the compliance records rebuild) visits every document by design
            }
            String shape = query.command() + " " + query.collection() + " " + fieldsOf(query.filter()) + " sort "
                    + query.sort().keySet();
            if (shapes.add(shape) && !covered(query, indexes)) {
                uncovered.add(shape);
            }
        }

        assertThat(shapes).hasSizeGreaterThan(10);
        assertThat(uncovered).as("queries without an index").isEmpty();
    }

    @Test
    void everyStatementQueryCombinationHasAnIndex() {
        List<IndexDeclaration> indexes = declarers.stream().flatMap(d -> d.indexes().stream()).toList();
        for (int mask = 0; mask < StatementQueryShapes.COMBINATIONS; mask++) {
            StatementQueryShapes.Shape shape = StatementQueryShapes.of(mask);
            List<String> candidates = shape.leadingFields();
            boolean served = candidates.isEmpty()
                    ? indexes.stream().anyMatch(i -> i.fields().equals(List.of("stored", "_id")))
                    : candidates.stream().anyMatch(field -> indexes.stream().anyMatch(i ->
                    i.fields().equals(List.of(field, "stored", "_id"))));
            assertThat(served).as("statement query " + shape).isTrue();
        }
    }

    @Test
    void everyReportFilterCombinationHasAnIndex() {
        List<IndexDeclaration> indexes = declarers.stream().flatMap(d -> d.indexes().stream()).toList();
        for (int mask = 0; mask < StatementQueryShapes.REPORT_COMBINATIONS; mask++) {
            StatementQueryShapes.Shape shape = StatementQueryShapes.report(mask);
            List<String> candidates = shape.leadingFields();
            boolean served = candidates.isEmpty()
                    ? indexes.stream().anyMatch(i -> i.fields().equals(List.of("stored", "_id")))
                    : candidates.stream().anyMatch(field -> indexes.stream().anyMatch(i ->
                    i.fields().equals(List.of(field, "stored", "_id"))));
            assertThat(served).as("report filter " + shape).isTrue();
        }
    }

    private void exerciseEveryQueryShape() {
        String mbox = XapiHttp.uniqueMbox();
        String activity = Statements.activityId();
        String registration = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        xapi.postJson("/xapi/statements", Statements.completed(id, mbox, Statements.COMPLETED, activity, registration));
        xapi.postJson("/xapi/statements", """
                {"actor": {"mbox": "mailto:officer@clinic.example"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(id));
        xapi.get("/xapi/statements", params("voidedStatementId", id));
        xapi.get("/xapi/statements", params("limit", "1"));
        xapi.get("/xapi/statements", params("since", "2026-01-01T00:00:00Z", "until", "2030-01-01T00:00:00Z"));
        for (Map<String, String> filter : List.of(params("agent", Statements.agent(mbox)),
                params("agent", Statements.agent(mbox), "related_agents", "true"), params("verb", Statements.COMPLETED),
                params("activity", activity), params("activity", activity, "related_activities", "true"),
                params("registration", registration), params("agent", Statements.agent(mbox), "verb", Statements.COMPLETED,
                        "ascending", "true", "limit", "1"))) {
            String more = XapiHttp.json(xapi.get("/xapi/statements", filter)).get("more").asString();
            if (!more.isEmpty()) {
                xapi.get(more);
            }
        }
        xapi.get("/xapi/statements", params("format", "canonical", "limit", "2"));
        xapi.get("/xapi/activities", params("activityId", activity));
        String agent = Statements.agent(mbox);
        Map<String, String> state = params("activityId", activity, "agent", agent, "stateId", "resume");
        xapi.putJson("/xapi/activities/state", "{\"lesson\":1}", state);
        xapi.postJson("/xapi/activities/state", "{\"lesson\":2}", state);
        xapi.get("/xapi/activities/state", state);
        xapi.get("/xapi/activities/state", params("activityId", activity, "agent", agent, "since", "2026-01-01T00:00:00Z"));
        xapi.delete("/xapi/activities/state", params("activityId", activity, "agent", agent));
        Map<String, String> profile = params("activityId", activity, "profileId", "settings");
        xapi.putJson("/xapi/activities/profile", "{\"a\":1}", profile, "If-None-Match", "*");
        xapi.get("/xapi/activities/profile", params("activityId", activity));
        xapi.delete("/xapi/activities/profile", profile);
        exerciseComplianceQueries(mbox);
        exerciseReportQueries(mbox, activity, registration);
    }

    private void exerciseReportQueries(String mbox, String activity, String registration) {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        playAKnowledgeCheckItem(mbox);
        String email = mbox.substring("mailto:".length());
        String person = XapiHttp.json(admin.get("/api/roster/people")).get(0).get("id").asString();
        for (Map<String, String> filter : List.of(params(), params("person", person), params("actor", email),
                params("verb", "completed"), params("activity", activity), params("activity", activity, "related", "true"),
                params("module", "privacy"), params("registration", registration), params("source", KEY),
                params("from", "2026-01-01", "to", "2030-01-01"), params("voided", "only"), params("voided", "include"),
                params("actor", email, "verb", "completed", "voided", "include"))) {
            Map<String, String> page = new java.util.LinkedHashMap<>(filter);
            page.put("limit", "1");
            JsonNode next = XapiHttp.json(admin.get("/api/reports/statements", page)).get("next");
            if (!next.isNull()) {
                page.put("after", next.asString());
                admin.get("/api/reports/statements", page);
            }
        }
        admin.get("/api/reports/statements/export.ndjson", params("registration", registration));
        admin.get("/api/reports/statements/export.csv", params("actor", email));
        admin.get("/admin/statements", params("q", "Index"));
        admin.get("/api/reports/insights", params("module", "privacy"));
        admin.get("/api/reports/insights", params("module", "privacy", "role", "front-desk", "from", "2026-01", "to", "2026-12"));
        // days at both ends of the period: the day counters, the months between: the month counters
        admin.get("/api/reports/insights", params("module", "privacy", "role", "front-desk", "from", "2026-01-15", "to", "2026-12-10"));
    }

    private void exerciseComplianceQueries(String mbox) {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        String email = mbox.substring("mailto:".length());
        String person = XapiHttp.json(admin.postJson("/api/roster/people",
                "{\"name\":\"Index Probe\",\"email\":\"" + email + "\",\"roles\":[\"everyone\"]}")).get("id").asString();
        admin.get("/api/compliance/status", params("role", "everyone"));
        admin.get("/api/compliance/overview");
        admin.get("/api/compliance/people/" + person + "/transcript");
        admin.get("/api/compliance/requirements");
        admin.get("/api/compliance/modules/privacy/releases");
        admin.putJson("/api/compliance/activity-mappings", "{\"activityIri\":\"https://moodle.clinic.example/mod/scorm/view.php?id="
                + UUID.randomUUID() + "\",\"moduleId\":\"privacy\",\"completionCounts\":true}", Map.of());
        admin.postJson("/api/compliance/rebuild", "{}");
    }

    /** What the knowledge-check insights count: a session start, a lesson, an answer and the attempt's result. */
    private void playAKnowledgeCheckItem(String mbox) {
        org.hipaatraining.content.Module privacy = org.hipaatraining.content.Catalogue.loadDefault().module("privacy").orElseThrow();
        String session = UUID.randomUUID().toString();
        String draw = "\"https://hipaa-training.org/xapi/extensions/knowledge-check-draw\": {\"seed\": \"" + session
                + "\", \"cycle\": 2026, \"attempt\": 1, \"items\": [\"" + privacy.questions().get(0).id() + "\"]}";
        String context = "\"context\": {\"registration\": \"" + session + "\", \"extensions\": {"
                + "\"https://hipaa-training.org/xapi/extensions/module-version\": \"" + privacy.version() + "\", " + draw + "}}";
        String actor = "\"actor\": {\"mbox\": \"" + mbox + "\"}";
        xapi.postJson("/xapi/statements", "[{" + actor + ", \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/initialized\"}, "
                + "\"object\": {\"id\": \"" + privacy.iri() + "\"}, " + context + ", \"timestamp\": \"2026-12-01T10:00:00Z\"}, {"
                + actor + ", \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/experienced\"}, \"object\": {\"id\": \""
                + privacy.lessons().get(0).iri() + "\"}, " + context + ", \"timestamp\": \"2026-12-01T10:03:00Z\"}, {"
                + actor + ", \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/answered\"}, \"object\": {\"id\": \""
                + privacy.questions().get(0).iri() + "\"}, \"result\": {\"success\": true, \"response\": \""
                + String.join("[,]", privacy.questions().get(0).correct()) + "\"}, " + context + "}, {"
                + actor + ", \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/passed\"}, \"object\": {\"id\": \""
                + privacy.iri() + "\"}, \"result\": {\"success\": true, \"score\": {\"scaled\": 1}}, " + context + "}]");
    }

    /** Field names the filter constrains, with $elemMatch fields as parent.child, operators kept for ranges. */
    static Map<String, String> fieldsOf(BsonDocument filter) {
        Map<String, String> fields = new java.util.TreeMap<>();
        collect("", filter, fields);
        return fields;
    }

    private static void collect(String prefix, BsonDocument filter, Map<String, String> fields) {
        for (Map.Entry<String, BsonValue> e : filter.entrySet()) {
            String key = e.getKey();
            BsonValue value = e.getValue();
            if (key.equals("$and") || key.equals("$or")) {
                fields.put(prefix + key, "logical");
                continue;
            }
            if (value.isDocument() && value.asDocument().containsKey("$elemMatch")) {
                collect(prefix + key + ".", value.asDocument().getDocument("$elemMatch"), fields);
            } else if (value.isDocument() && !value.asDocument().isEmpty()
                    && value.asDocument().getFirstKey().startsWith("$")) {
                String op = value.asDocument().getFirstKey();
                fields.put(prefix + key, op.equals("$in") || op.equals("$eq") ? "eq" : "range");
            } else {
                fields.put(prefix + key, "eq");
            }
        }
    }

    private static boolean covered(RecordedQueries.Query query, List<IndexDeclaration> indexes) {
        Map<String, String> fields = fieldsOf(query.filter());
        if ("eq".equals(fields.get("_id")) || "range".equals(fields.get("_id"))) {
            return true; // every collection has its _id index
        }
        List<IndexDeclaration> onCollection = indexes.stream().filter(i -> i.collection().equals(query.collection())).toList();
        for (IndexDeclaration index : onCollection) {
            String first = index.fields().get(0);
            if ("eq".equals(fields.get(first))) {
                return true;
            }
        }
        boolean noEquality = fields.values().stream().noneMatch("eq"::equals)
                || fields.keySet().stream().allMatch(f -> f.equals("voided") || f.equals("$or") || f.equals("stored"));
        if (noEquality) {
            String leading = query.sort().isEmpty() ? fields.keySet().stream().findFirst().orElse("")
                    : query.sort().getFirstKey();
            return onCollection.stream().anyMatch(i -> i.fields().get(0).equals(leading));
        }
        return false;
    }
}
