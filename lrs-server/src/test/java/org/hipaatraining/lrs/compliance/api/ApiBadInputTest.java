package org.hipaatraining.lrs.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin and compliance APIs refuse hostile input with a 4xx whose {@code error} names what to fix (and no Java
 * type), never a 500; checks run before a download starts, so a refused export is never a 200 with a header row.
 */
class ApiBadInputTest extends LrsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PracticeFixture practice;
    private XapiHttp admin;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
        admin = practice.admin();
    }

    /** The problem detail's {@code detail} (RFC 9457), the one error shape of /api. */
    private static String error(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = XapiHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        return problem.get("detail").asString();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String errorStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(error(response)).startsWith(errorStart).doesNotContainPattern("java\\.|tools\\.jackson|Exception");
    }

    private HttpResponse<String> csvImport(String csv) {
        return admin.send("POST", "/api/roster/import", Map.of(), csv.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
    }

    @Test
    void aRosterCsvWithBrokenQuotesIsA400NamingTheProblem() {
        HttpResponse<String> unbalanced = csvImport("name,email,roles\n\"Kim Nakamura,kim@clinic.example,everyone\n");
        HttpResponse<String> afterQuote = csvImport("name,email,roles\n\"Kim\"x,kim@clinic.example,everyone\n");

        for (HttpResponse<String> response : List.of(unbalanced, afterQuote)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode errors = XapiHttp.json(response).get("errors");
            assertThat(errors.get(0).asString()).startsWith("not a CSV file this importer can read")
                    .contains("line").doesNotContain("Exception");
        }
    }

    @Test
    void aHostileIdentityIsA400() {
        String id = practice.person("Ida Hostile", "ida", List.of("everyone"), 10, null).id();
        String path = "/api/roster/people/" + id + "/identities";

        assertRefused(admin.postJson(path, "not json"), 400, "agent: malformed JSON");
        assertRefused(admin.postJson(path, "[".repeat(5000) + "]".repeat(5000)), 400, "agent: malformed JSON");
        assertRefused(admin.postJson(path, "{\"mbox\":{\"$ne\":null}}"), 400, "agent.mbox:");
        assertRefused(admin.postJson(path, "[]"), 400, "agent: must be a JSON object");
        assertThat(admin.postJson(path, "{\"account\":{\"homePage\":\"https://lms.clinic.example\",\"name\":\"ida-7\"}}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void datesOutsideTheCalendarAreRefusedBeforeAnyDownloadStarts() {
        HttpResponse<String> audit = admin.get("/api/reports/audit.pdf", params("from", "-999999999-01-01"));
        HttpResponse<String> records = admin.get("/api/reports/training-records.csv", params("to", "+999999999-12-31"));
        HttpResponse<String> status = admin.get("/api/reports/status.csv", params("on", "+10000-01-01"));
        HttpResponse<String> notADate = admin.get("/api/reports/roster.csv", params("on", "yesterday"));
        HttpResponse<String> compliance = admin.get("/api/compliance/status", params("on", "-0001-12-31"));

        assertRefused(audit, 400, "from: '-999999999-01-01' is not a date");
        assertRefused(records, 400, "to: '+999999999-12-31' is not a date");
        assertRefused(status, 400, "on: '+10000-01-01' is not a date");
        assertRefused(notADate, 400, "on: 'yesterday' is not a date");
        assertRefused(compliance, 400, "on:");
        assertThat(admin.get("/api/reports/training-records.csv", params("to", "9999-12-31")).statusCode()).isEqualTo(200);
    }

    @Test
    void jsonBodiesAreDescribedWithoutJavaTypes() {
        String id = practice.person("Jo Types", "jo", List.of("everyone"), 10, null).id();

        assertRefused(admin.send("PUT", "/api/roster/people/" + id + "/status", Map.of(),
                "{\"status\":\"ACTIVE\",\"effective\":\"+999999999-01-01\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"), 400, "effective: '+999999999-01-01' is not a date");
        assertRefused(admin.send("PUT", "/api/roster/people/" + id + "/status", Map.of(),
                "{\"status\":\"RETIRED\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"),
                400, "status: 'RETIRED' is not one of ACTIVE, ON_LEAVE, DEPARTED");
        assertRefused(admin.postJson("/api/roster/people", "{\"name\": 7, \"roles\": \"everyone\"}"), 400, "roles: must be a list");
        assertRefused(admin.postJson("/api/admin/clients", "{\"name\":[1]}"), 400, "name: must be text");
        // found by the fuzz test: nulls inside lists
        assertRefused(admin.postJson("/api/roster/people", "{\"name\":\"Nul Accounts\",\"roles\":[\"everyone\"],"
                + "\"accounts\":[\"https://lms.example|1\",null]}"), 400, "account: 'null' must be homePage|name");
        assertRefused(admin.postJson("/api/roster/people", "{\"name\":\"Nul Roles\",\"roles\":[null]}"), 400,
                "roles: 'null' is not a role");
    }

    @Test
    void aCmi5UploadWithoutABoundaryOrCutShortIsA400() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/cmi5/courses");
        HttpResponse<String> noBoundary = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("--x\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        String truncatedBody = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK\u0003\u0004 and then nothing";
        HttpResponse<String> truncated = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString(truncatedBody)).build(), HttpResponse.BodyHandlers.ofString());

        assertRefused(noBoundary, 400, "the body is not a readable multipart/form-data upload");
        assertRefused(truncated, 400, "the body is not a readable multipart/form-data upload");
    }

    @Test
    void theErrorPathRequestedDirectlyIsA404() {
        HttpResponse<String> direct = admin.get("/error");
        HttpResponse<String> anonymous = admin.anonymous().get("/error");

        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        // not under /api, so the plain {"error": ...} of other non-browser callers, not a problem detail
        assertThat(XapiHttp.json(direct).get("error").asString()).isEqualTo("there is nothing at this address");
    }
}
