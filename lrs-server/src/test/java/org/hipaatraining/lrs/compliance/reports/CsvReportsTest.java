package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvReportsTest extends LrsIntegrationTest {

    private PracticeFixture practice;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
    }

    @Test
    void statusCsvHasARowPerRequirementWithScoreAttemptsAcknowledgementAndEvidence() {
        Learner ana = practice.person("Ana Reyes", "ana", List.of("everyone"), 200, "Maria Lopez");
        String privacyPass = practice.send(TrainingStatements.passed(ana.mbox(), ana.name(), "privacy", daysAgo(20), 0.9));
        practice.send(TrainingStatements.acknowledged(ana.mbox(), ana.name(), "privacy", daysAgo(20).plusSeconds(60),
                "privacy-policy", "2026.1"));
        practice.send(TrainingStatements.failed(ana.mbox(), ana.name(), "security", daysAgo(12), 0.5));
        String securityPass = practice.send(TrainingStatements.passed(ana.mbox(), ana.name(), "security", daysAgo(11), 0.85));

        HttpResponse<String> response = practice.admin().get("/api/reports/status.csv", params("role", "everyone"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("hipaa-training-status-" + practice.today + ".csv");
        Map<String, CSVRecord> rows = byColumn(rowsOf(response, "Employee ID", ana.employeeId()), "Requirement");
        assertThat(rows).containsOnlyKeys("privacy", "security", "breach", "security-reminders");
        CSVRecord privacy = rows.get("privacy");
        assertThat(privacy.get("Person")).isEqualTo("Ana Reyes");
        assertThat(privacy.get("Required by")).isEqualTo("everyone");
        assertThat(privacy.get("Module title")).isEqualTo("HIPAA Privacy Rule essentials");
        assertThat(privacy.get("State")).isEqualTo("COMPLIANT");
        assertThat(privacy.get("Overdue")).isEqualTo("no");
        assertThat(privacy.get("Completed on")).isEqualTo(practice.today.minusDays(20).toString());
        assertThat(privacy.get("Compliant until")).isEqualTo(practice.today.minusDays(20).plusMonths(12).toString());
        assertThat(privacy.get("Version")).isEqualTo("1.0.0");
        assertThat(privacy.get("Score %")).isEqualTo("90");
        assertThat(privacy.get("Attempts")).isEqualTo("1");
        assertThat(privacy.get("Policy acknowledged")).isEqualTo("privacy-policy 2026.1");
        assertThat(privacy.get("Statement ID")).isEqualTo(privacyPass);
        CSVRecord security = rows.get("security");
        assertThat(security.get("Score %")).isEqualTo("85");
        assertThat(security.get("Attempts")).isEqualTo("2");
        assertThat(security.get("Statement ID")).isEqualTo(securityPass);
        CSVRecord breach = rows.get("breach");
        assertThat(breach.get("State")).isEqualTo("OVERDUE");
        assertThat(breach.get("Due date")).isEqualTo(practice.today.minusDays(200).plusDays(30).toString());
        assertThat(breach.get("Overdue")).isEqualTo("yes");
        assertThat(breach.get("Score %")).isEmpty();
        assertThat(breach.get("Statement ID")).isEmpty();
    }

    @Test
    void statusCsvAppliesTheFiltersOfTheStatusApi() {
        Learner ben = practice.person("Ben Carter", "ben", List.of("everyone"), 10, "Maria Lopez");
        practice.send(TrainingStatements.failed(ben.mbox(), ben.name(), "security", daysAgo(2), 0.4));

        List<CSVRecord> failed = rowsOf(practice.admin().get("/api/reports/status.csv", params("state", "FAILED")),
                "Employee ID", ben.employeeId());
        List<CSVRecord> privacy = rowsOf(practice.admin().get("/api/reports/status.csv", params("module", "privacy")),
                "Employee ID", ben.employeeId());

        assertThat(failed).singleElement().satisfies(r -> assertThat(r.get("Requirement")).isEqualTo("security"));
        assertThat(privacy).singleElement().satisfies(r -> assertThat(r.get("State")).isEqualTo("NEVER_STARTED"));
        assertThat(practice.admin().get("/api/reports/status.csv", params("state", "FINE")).statusCode()).isEqualTo(400);
    }

    @Test
    void trainingRecordsCsvHasARowPerEventInThePeriod() {
        Learner cara = practice.person("Cara Singh", "cara", List.of("front-desk"), 500, "Dr. Okafor");
        String old = practice.send(TrainingStatements.passed(cara.mbox(), cara.name(), "privacy", daysAgo(400), 0.8));
        String launched = practice.send(TrainingStatements.initialized(cara.mbox(), cara.name(), "breach", daysAgo(9)));
        String passed = practice.send(TrainingStatements.passed(cara.mbox(), cara.name(), "breach", daysAgo(8), 0.93));
        String ack = practice.send(TrainingStatements.acknowledged(cara.mbox(), cara.name(), "breach",
                daysAgo(8).plusSeconds(30), "breach-response-policy", "2026.2"));

        HttpResponse<String> response = practice.admin().get("/api/reports/training-records.csv",
                params("from", practice.today.minusDays(30).toString(), "to", practice.today.toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(
                "hipaa-training-records-" + practice.today.minusDays(30) + "-to-" + practice.today + ".csv");
        Map<String, CSVRecord> rows = byColumn(rowsOf(response, "Employee ID", cara.employeeId()), "Statement ID");
        assertThat(rows).containsOnlyKeys(launched, passed, ack).doesNotContainKey(old);
        CSVRecord pass = rows.get(passed);
        assertThat(pass.get("Person")).isEqualTo("Cara Singh");
        assertThat(pass.get("Roles")).isEqualTo("front-desk");
        assertThat(pass.get("Module")).isEqualTo("breach");
        assertThat(pass.get("Version")).isEqualTo("1.0.0");
        assertThat(pass.get("Version inferred")).isEqualTo("no");
        assertThat(pass.get("Event")).isEqualTo("PASSED");
        assertThat(pass.get("Counts as training")).isEqualTo("yes");
        assertThat(pass.get("Score %")).isEqualTo("93");
        assertThat(pass.get("Date/time (UTC)")).isEqualTo(practice.today.minusDays(8) + " 14:30:00 UTC");
        assertThat(pass.get("Source")).isEqualTo(KEY);
        assertThat(rows.get(launched).get("Event")).isEqualTo("STARTED");
        assertThat(rows.get(launched).get("Score %")).isEmpty();
        assertThat(rows.get(ack).get("Event")).isEqualTo("ACKNOWLEDGED");
        assertThat(rows.get(ack).get("Policy")).isEqualTo("breach-response-policy");
        assertThat(rows.get(ack).get("Policy version")).isEqualTo("2026.2");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        Learner formula = practice.person("=HYPERLINK(\"http://attacker.test\",\"Click\")", "formula", List.of("everyone"),
                30, "@SUM(A1:A9)");
        practice.send(TrainingStatements.passed(formula.mbox(), formula.name(), "privacy", daysAgo(1), 0.9));

        CSVRecord roster = rowsOf(practice.admin().get("/api/reports/roster.csv"), "Employee ID", formula.employeeId()).get(0);
        CSVRecord status = rowsOf(practice.admin().get("/api/reports/status.csv"), "Employee ID", formula.employeeId()).get(0);
        CSVRecord record = rowsOf(practice.admin().get("/api/reports/training-records.csv"), "Employee ID",
                formula.employeeId()).get(0);

        assertThat(roster.get("Name")).isEqualTo("'=HYPERLINK(\"http://attacker.test\",\"Click\")");
        assertThat(roster.get("Supervisor")).isEqualTo("'@SUM(A1:A9)");
        assertThat(status.get("Person")).isEqualTo("'=HYPERLINK(\"http://attacker.test\",\"Click\")");
        assertThat(record.get("Person")).isEqualTo("'=HYPERLINK(\"http://attacker.test\",\"Click\")");
        assertThat(CsvReports.safe("+1 555 0100")).isEqualTo("'+1 555 0100");
        assertThat(CsvReports.safe("-2")).isEqualTo("'-2");
        assertThat(CsvReports.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvReports.safe("Ana =1")).isEqualTo("Ana =1");
    }

    @Test
    void rosterCsvHasTheImportColumnsAndImportsBackUnchanged() {
        Learner dev = practice.person("Dev Patel", "dev", List.of("everyone"), 90, "Maria Lopez");
        HttpResponse<String> roles = practice.admin().putJson("/api/roster/people/" + dev.id() + "/roles",
                "{\"roles\":[\"everyone\",\"billing\"],\"effective\":\"" + practice.today.minusDays(5) + "\"}", Map.of());
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        HttpResponse<String> located = practice.admin().putJson("/api/roster/people/" + dev.id(), "{\"employeeId\":\""
                + dev.employeeId() + "\",\"name\":\"Dev Patel\",\"email\":\"" + dev.email() + "\",\"roles\":[\"everyone\",\"billing\"],"
                + "\"supervisor\":\"Maria Lopez\",\"location\":\"North Clinic\"}", Map.of());
        assertThat(located.statusCode()).as(located.body()).isEqualTo(200);
        assertThat(XapiHttp.json(located).get("location").asString()).isEqualTo("North Clinic");

        HttpResponse<String> response = practice.admin().get("/api/reports/roster.csv");

        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("hipaa-training-roster-" + practice.today + ".csv");
        CSVRecord row = rowsOf(response, "Employee ID", dev.employeeId()).get(0);
        assertThat(row.get("Name")).isEqualTo("Dev Patel");
        assertThat(row.get("Email")).isEqualTo(dev.email());
        assertThat(row.get("Roles")).isEqualTo("billing;everyone");
        assertThat(row.get("Hire date")).isEqualTo(practice.today.minusDays(90).toString());
        assertThat(row.get("Supervisor")).isEqualTo("Maria Lopez");
        assertThat(row.get("Status")).isEqualTo("active");
        assertThat(row.get("Location")).isEqualTo("North Clinic");
        assertThat(row.get("Role history")).isEqualTo("everyone from " + practice.today.minusDays(90)
                + "; billing from " + practice.today.minusDays(5));
        assertThat(row.get("Person ID")).isEqualTo(dev.id());

        String header = response.body().substring(1, response.body().indexOf("\r\n"));
        String exported = header + "\r\n" + response.body().lines().filter(l -> l.contains(dev.employeeId())).findFirst().orElseThrow();
        HttpResponse<String> reimported = practice.admin().send("POST", "/api/roster/import", Map.of(),
                exported.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(200);
        assertThat(XapiHttp.json(reimported).get("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void exportsNeedASignedInAdminOrAuditor() {
        HttpResponse<String> anonymous = xapi.anonymous().get("/api/reports/roster.csv");

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** The rows whose {@code column} is {@code value}, from a CSV response (after its byte order mark). */
    static List<CSVRecord> rowsOf(HttpResponse<String> response, String column, String value) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body().substring(1)))) {
            return parser.getRecords().stream().filter(r -> r.get(column).equals(value)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, CSVRecord> byColumn(List<CSVRecord> rows, String column) {
        Map<String, CSVRecord> map = new java.util.LinkedHashMap<>();
        rows.forEach(r -> map.put(r.get(column), r));
        return map;
    }
}
