package org.hipaatraining.lrs.staffimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The staff import through the API, as a scheduled job would use it. */
class StaffImportApiTest extends LrsIntegrationTest {

    private PracticeFixture practice;
    private XapiHttp admin;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
        admin = practice.admin();
    }

    @Test
    void anHrExportIsGuessedPreviewedImportedAndReimportedWithTheKeptMapping() {
        String run = practice.run;
        byte[] first = StaffFiles.firstExport(run).getBytes(StandardCharsets.UTF_8);

        JsonNode analysis = json(post("/api/roster/imports/analysis", "staff.csv", first, Map.of()), 200);
        assertThat(analysis.get("headers").get(0).asString()).isEqualTo("Employee ID"); // no byte order mark
        JsonNode columns = analysis.get("columns");
        assertThat(columns.get("EMPLOYEE_ID").asString()).isEqualTo("Employee ID");
        assertThat(columns.get("NAME").asString()).isEqualTo("Full Name");
        assertThat(columns.get("EMAIL").asString()).isEqualTo("Work Email");
        assertThat(columns.get("JOB_TITLE").asString()).isEqualTo("Job Title");
        assertThat(columns.get("HIRE_DATE").asString()).isEqualTo("Hire Date");
        assertThat(columns.get("MANAGER").asString()).isEqualTo("Manager");
        assertThat(columns.get("STATUS").asString()).isEqualTo("Employment Status");
        assertThat(columns.get("LOCATION").asString()).isEqualTo("Location");
        assertThat(analysis.get("dateQuestion").get("example").asString()).isEqualTo("03/04/2025");
        assertThat(analysis.get("dateQuestion").get("monthFirst").asString()).isEqualTo("2025-03-04");
        Map<String, String> suggested = new HashMap<>();
        analysis.get("titles").forEach(t -> suggested.put(t.get("title").asString(), t.get("roles").get(0).asString()));
        assertThat(suggested).containsEntry("Receptionist", "front-desk").containsEntry("Nurse", "clinical")
                .containsEntry("Medical biller", "billing").containsEntry("Practice Manager", "management")
                .containsEntry("Medical Assistant", "clinical");

        HttpResponse<String> unanswered = post("/api/roster/imports/preview", "staff.csv", first, Map.of());
        assertThat(unanswered.statusCode()).isEqualTo(400);
        assertThat(unanswered.body()).contains("03/04/2025", "month first or day first");

        String mapping = "{\"dateOrder\":\"DAY_FIRST\",\"titleRoles\":{\"Medical Assistant\":[\"clinical\",\"everyone\"]}}";
        JsonNode preview = json(post("/api/roster/imports/preview", "staff.csv", first, Map.of("mapping", List.of(mapping))), 200);
        assertThat(preview.get("rows").asInt()).isEqualTo(6);
        assertThat(names(preview.get("added"))).containsExactly("Grace Okafor", "Ana Silva", "Ben Carter", "Cleo Diaz");
        assertThat(preview.get("updated").size()).isZero();
        List<String> problems = new ArrayList<>();
        preview.get("problems").forEach(p -> problems.add(p.get("line").asInt() + ": " + p.get("message").asString()));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("7: email ana." + run + "@lakeside.test is also on line 3");
        assertThat(problems.get(1)).startsWith("8: Eli Fox has left");
        assertThat(admin.get("/api/roster/people").body()).doesNotContain(run); // nothing saved by a preview

        JsonNode result = json(post("/api/roster/imports", "staff.csv", first, Map.of("mapping", List.of(mapping))), 200);
        assertThat(result.get("added").asInt()).isEqualTo(4);
        assertThat(result.get("problems").size()).isEqualTo(2);
        JsonNode ben = person("Ben Carter", run);
        assertThat(ben.get("email").asString()).isEqualTo("ben." + run + "@lakeside.test");
        assertThat(ben.get("hireDate").asString()).isEqualTo("2025-04-03");
        assertThat(ben.get("supervisor").asString()).isEqualTo("Grace Okafor");
        assertThat(ben.get("location").asString()).isEqualTo("North Clinic");
        assertThat(roles(ben)).containsExactly("clinical");
        assertThat(person("Ana Silva", run).get("hireDate").asString()).isEqualTo("2026-03-15");
        assertThat(person("Ana Silva", run).get("supervisor").asString()).isEqualTo("Grace Okafor");
        assertThat(person("Grace Okafor", run).has("supervisor") && !person("Grace Okafor", run).get("supervisor").isNull()).isFalse();
        String cleoId = person("Cleo Diaz", run).get("id").asString();

        // a month later, the next export through the API with no mapping: the kept columns, date order and titles
        byte[] second = StaffFiles.secondExport(run).getBytes(StandardCharsets.UTF_8);
        JsonNode again = json(post("/api/roster/imports/analysis", "staff.csv", second, Map.of()), 200);
        assertThat(again.get("mappingKept").asBoolean()).isTrue();
        assertThat(again.get("dateOrder").asString()).isEqualTo("DAY_FIRST");
        assertThat(again.get("dateQuestion").get("example").asString()).isEqualTo("03/04/2025"); // still asked on the page, answered by the kept order
        JsonNode changes = json(post("/api/roster/imports/preview", "staff.csv", second, Map.of()), 200);
        assertThat(names(changes.get("added"))).containsExactly("Dev Rao");
        assertThat(names(changes.get("updated"))).containsExactly("Ana Silva");
        assertThat(changes.get("updated").get(0).get("changes").get(0).asString()).isEqualTo("roles: front-desk → billing");
        assertThat(changes.get("roleChanges").get(0).get("to").get(0).asString()).isEqualTo("billing");
        assertThat(changes.get("unchanged").asInt()).isEqualTo(2);
        assertThat(names(changes.get("missing"))).contains("Cleo Diaz").doesNotContain("Ana Silva", "Ben Carter", "Grace Okafor");
        LocalDate left = practice.today.minusDays(1);

        JsonNode reimported = json(post("/api/roster/imports", "staff.csv", second,
                Map.of("depart", List.of(cleoId), "departedOn", List.of(left.toString()))), 200);
        assertThat(reimported.get("added").asInt()).isEqualTo(1);
        assertThat(reimported.get("updated").asInt()).isEqualTo(1);
        assertThat(reimported.get("departed").asInt()).isEqualTo(1);
        assertThat(roles(person("Ana Silva", run))).containsExactly("billing");
        JsonNode cleo = person("Cleo Diaz", run);
        JsonNode lastStatus = cleo.get("statuses").get(cleo.get("statuses").size() - 1);
        assertThat(lastStatus.get("status").asString()).isEqualTo("DEPARTED");
        assertThat(lastStatus.get("from").asString()).isEqualTo(left.toString());
        assertThat(person("Dev Rao", run).get("supervisor").isNull()).isTrue();
    }

    @Test
    void anExcelWorkbookIsReadWithItsDatesAndFirstAndLastNames() {
        String run = practice.run;
        byte[] workbook = StaffFiles.workbook(run, List.of(
                List.of(7001, "Hana", "Ito", "hana." + run + "@harbor.test", "Dental Hygienist", LocalDate.of(2022, 3, 4), "Harbor"),
                List.of(7002, "Omar", "Haddad", "omar." + run + "@harbor.test", "Front Desk Coordinator", LocalDate.of(2024, 12, 1), "Harbor")));

        JsonNode analysis = json(post("/api/roster/imports/analysis", "payroll.xlsx", workbook, Map.of()), 200);

        JsonNode columns = analysis.get("columns");
        assertThat(columns.get("FIRST_NAME").asString()).isEqualTo("First Name");
        assertThat(columns.get("LAST_NAME").asString()).isEqualTo("Last Name");
        assertThat(columns.has("NAME")).isFalse();
        assertThat(columns.get("EMAIL").asString()).isEqualTo("Email Address");
        assertThat(columns.get("JOB_TITLE").asString()).isEqualTo("Position");
        assertThat(columns.get("HIRE_DATE").asString()).isEqualTo("Date of Hire");
        assertThat(columns.get("LOCATION").asString()).isEqualTo("Site");
        assertThat(analysis.get("firstRows").get(0).get(0).asString()).isEqualTo("7001");
        assertThat(analysis.get("firstRows").get(0).get(5).asString()).isEqualTo("2022-03-04");
        assertThat(analysis.get("dateQuestion").isNull()).isTrue();
        String mapping = "{\"columns\":{\"EMPLOYEE_ID\":\"Emp #\",\"FIRST_NAME\":\"First Name\",\"LAST_NAME\":\"Last Name\","
                + "\"EMAIL\":\"Email Address\",\"JOB_TITLE\":\"Position\",\"HIRE_DATE\":\"Date of Hire\",\"LOCATION\":\"Site\"}}";
        JsonNode preview = json(post("/api/roster/imports/preview", "payroll.xlsx", workbook, Map.of("mapping", List.of(mapping))), 200);
        assertThat(names(preview.get("added"))).containsExactly("Hana Ito", "Omar Haddad");
        assertThat(preview.get("added").get(0).get("roles").get(0).asString()).isEqualTo("clinical");
        assertThat(preview.get("added").get(1).get("roles").get(0).asString()).isEqualTo("front-desk");
    }

    @Test
    void badFilesAndMappingsAreRefusedNamingWhatToFix() {
        byte[] csv = "Full Name,Work Email\nAna,ana@x.test\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> noColumn = post("/api/roster/imports/preview", "s.csv", csv,
                Map.of("mapping", List.of("{\"columns\":{\"NAME\":\"Nom\",\"EMAIL\":\"Work Email\"}}")));
        HttpResponse<String> noField = post("/api/roster/imports/preview", "s.csv", csv,
                Map.of("mapping", List.of("{\"columns\":{\"SHOE_SIZE\":\"Full Name\"}}")));
        HttpResponse<String> notJson = post("/api/roster/imports/preview", "s.csv", csv, Map.of("mapping", List.of("{columns")));
        HttpResponse<String> badRole = post("/api/roster/imports/preview", "s.csv",
                "Full Name,Work Email,Title\nAna,ana@x.test,Nurse\n".getBytes(StandardCharsets.UTF_8),
                Map.of("mapping", List.of("{\"titleRoles\":{\"Nurse\":[\"surgeon\"]}}")));
        HttpResponse<String> xls = post("/api/roster/imports/analysis", "old.xls",
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0}, Map.of());
        HttpResponse<String> brokenQuotes = post("/api/roster/imports/analysis", "s.csv",
                "Full Name,Work Email\n\"Ana,ana@x.test\nBo\"b\",b@x.test\n".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(noColumn.body()).contains("Name: the file has no column 'Nom'");
        assertThat(noField.statusCode()).isEqualTo(400);
        assertThat(noField.body()).contains("'SHOE_SIZE' is not a field");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("mapping: not the JSON");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("job title 'Nurse': 'surgeon' is not a role");
        assertThat(xls.statusCode()).isEqualTo(400);
        assertThat(xls.body()).contains(".xls", "save it as .xlsx");
        assertThat(brokenQuotes.statusCode()).as(brokenQuotes.body()).isIn(200, 400);
        assertThat(brokenQuotes.body()).doesNotContain("Exception");
    }

    private HttpResponse<String> post(String path, String fileName, byte[] file, Map<String, List<String>> fields) {
        StaffFiles.Multipart body = StaffFiles.multipart(fileName, file, fields);
        return admin.send("POST", path, Map.of(), body.body(), "Content-Type", body.contentType());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return XapiHttp.json(response);
    }

    private JsonNode person(String name, String run) {
        for (JsonNode p : XapiHttp.json(admin.get("/api/roster/people"))) {
            if (p.get("name").asString().equals(name) && p.path("email").asString("").contains(run)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not on the roster");
    }

    private static List<String> roles(JsonNode person) {
        List<String> roles = new ArrayList<>();
        person.get("roles").forEach(r -> {
            if (r.get("to") == null || r.get("to").isNull()) {
                roles.add(r.get("role").asString());
            }
        });
        return roles;
    }

    private static List<String> names(JsonNode lines) {
        List<String> names = new ArrayList<>();
        lines.forEach(l -> names.add(l.get("name").asString()));
        return names;
    }
}
