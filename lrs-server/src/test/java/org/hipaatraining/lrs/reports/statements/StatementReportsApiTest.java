package org.hipaatraining.lrs.reports.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The statement explorer's API and exports: filters, keyset pages, voided statements, files, and bad input. */
class StatementReportsApiTest extends LrsIntegrationTest {

    private XapiHttp admin;
    private String mbox;
    private String registration;
    private final List<String> ids = new ArrayList<>();
    private String voidedId;
    /** The voiding statement: its StatementRef carries its target's facets, so the target's filters find it too (xAPI). */
    private String voidingId;

    @BeforeEach
    void storeStatements() {
        admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        mbox = XapiHttp.uniqueMbox();
        registration = UUID.randomUUID().toString();
        String activity = Statements.activityId();
        for (String verb : List.of(Statements.COMPLETED, Statements.ANSWERED, Statements.COMPLETED, Statements.ANSWERED,
                Statements.COMPLETED)) {
            String id = UUID.randomUUID().toString();
            assertThat(xapi.postJson("/xapi/statements", Statements.completed(id, mbox, verb, activity, registration))
                    .statusCode()).isEqualTo(200);
            ids.add(id);
        }
        voidedId = ids.get(0);
        HttpResponse<String> voiding = xapi.postJson("/xapi/statements", """
                {"actor": {"mbox": "mailto:officer@clinic.example"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(voidedId));
        assertThat(voiding.statusCode()).isEqualTo(200);
        voidingId = XapiHttp.json(voiding).get(0).asString();
    }

    @Test
    void pagesAreNewestFirstKeysetPagesThatMatchTheXapiOrder() {
        List<String> expected = new ArrayList<>();
        XapiHttp.json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox)))).get("statements")
                .forEach(s -> expected.add(s.get("id").asString()));
        assertThat(expected).hasSize(5).contains(voidingId).doesNotContain(voidedId);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, String> query = after == null ? params("actor", mbox, "limit", "3") : params("actor", mbox, "limit", "3", "after", after);
            JsonNode page = XapiHttp.json(admin.get("/api/reports/statements", query));
            page.get("statements").forEach(s -> seen.add(s.get("id").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void filtersCombineAndVoidedStatementsCanBeAskedFor() {
        assertThat(idsOf(params("actor", mbox, "verb", "answered"))).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
        assertThat(idsOf(params("actor", mbox, "voided", "only"))).containsExactly(voidedId);
        List<String> all = new ArrayList<>(ids);
        all.add(voidingId);
        assertThat(idsOf(params("actor", mbox, "voided", "include"))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(idsOf(params("registration", registration, "source", KEY))).hasSize(5).doesNotContain(voidedId);
        assertThat(idsOf(params("registration", registration, "verb", Statements.COMPLETED, "from", "2020-01-01")))
                .containsExactlyInAnyOrder(ids.get(2), ids.get(4), voidingId);
        assertThat(idsOf(params("registration", registration, "to", "2020-01-01"))).isEmpty();
    }

    @Test
    void aRosterPersonFindsTheirStatementsUnderTheirNameAndLinesAreReadable() {
        String email = mbox.substring("mailto:".length());
        String person = XapiHttp.json(admin.postJson("/api/roster/people",
                "{\"name\":\"Ana Reyes\",\"email\":\"" + email + "\",\"roles\":[\"everyone\"]}")).get("id").asString();
        JsonNode page = XapiHttp.json(admin.get("/api/reports/statements", params("person", person, "verb", "completed")));
        assertThat(page.get("statements")).hasSize(3);
        assertThat(page.get("statements").get(0).get("id").asString()).isEqualTo(voidingId);
        assertThat(page.get("statements").get(0).get("line").asString()).startsWith("officer@clinic.example voided statement " + voidedId);
        JsonNode first = page.get("statements").get(1);
        assertThat(first.get("personId").asString()).isEqualTo(person);
        assertThat(first.get("line").asString()).startsWith("Ana Reyes completed HIPAA Privacy Rule essentials, 90%, via ")
                .endsWith("20 Nov 2026 15:04 UTC");
    }

    @Test
    void exportsNameTheirFilterAndTimeAndHoldEveryMatchingStatement() throws Exception {
        HttpResponse<String> ndjson = admin.get("/api/reports/statements/export.ndjson", params("registration", registration));
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("hipaa-statements_registration-" + registration + "_").contains(".ndjson");
        String[] lines = ndjson.body().split("\n");
        JsonNode about = XapiJson.MAPPER.readTree(lines[0]);
        assertThat(about.get("filter").asString()).isEqualTo("registration=" + registration);
        assertThat(about.get("takenBy").asString()).isEqualTo("admin");
        assertThat(about.get("takenAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(lines).hasSize(6);
        for (int i = 1; i < lines.length; i++) {
            String id = XapiJson.MAPPER.readTree(lines[i]).get("id").asString();
            assertThat(lines[i]).isEqualTo(admin.get("/api/reports/statements/" + id).body());
        }

        HttpResponse<String> csv = admin.get("/api/reports/statements/export.csv", params("registration", registration, "voided", "include"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF# HIPAA training statements; filter: registration=" + registration + ", voided=include; taken ");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(rows).hasSize(6);
        assertThat(rows).extracting(r -> r.get("statement_id")).containsAll(ids).contains(voidingId);
        CSVRecord voided = rows.stream().filter(r -> r.get("statement_id").equals(voidedId)).findFirst().orElseThrow();
        assertThat(voided.get("voided")).isEqualTo("true");
        assertThat(voided.get("actor_id")).isEqualTo(mbox);
        assertThat(voided.get("verb")).isEqualTo("completed");
        assertThat(voided.get("score_scaled")).isEqualTo("0.9");
        assertThat(voided.get("registration")).isEqualTo(registration);
        assertThat(voided.get("context_activities")).isEqualTo("https://hipaa-training.org/xapi/activities/role/front-desk");
        assertThat(voided.get("source")).isNotEmpty();
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        assertBad(params("verb", "nope"), "verb:");
        assertBad(params("after", "not-a-token"), "after:");
        assertBad(params("from", "2026-02-30"), "from:");
        assertBad(params("person", "nobody"), "person:");
        assertBad(params("source", "no-such-client"), "source:");
        assertBad(params("registration", "123"), "registration:");
        assertBad(params("voided", "maybe"), "voided:");
        assertBad(params("limit", "100000"), "limit:");
        assertBad(params("actor", "just words"), "actor:");
        assertThat(admin.get("/api/reports/statements/export.csv", params("module", "nope")).statusCode()).isEqualTo(400);
        HttpResponse<String> page = admin.get("/admin/statements", params("verb", "nope"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("verb: a verb IRI or one of");
        assertThat(admin.get("/admin/statements/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private void assertBad(Map<String, String> query, String message) {
        HttpResponse<String> response = admin.get("/api/reports/statements", query);
        assertThat(response.statusCode()).as(query.toString()).isEqualTo(400);
        assertThat(XapiHttp.json(response).get("detail").asString()).startsWith(message);
    }

    private List<String> idsOf(Map<String, String> query) {
        List<String> found = new ArrayList<>();
        HttpResponse<String> response = admin.get("/api/reports/statements", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        XapiHttp.json(response).get("statements").forEach(s -> found.add(s.get("id").asString()));
        return found;
    }
}
