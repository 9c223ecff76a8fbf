package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.RecordedQueries;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;

class AuditPackageTest extends LrsIntegrationTest {

    private static final java.util.Set<String> RECORDS = java.util.Set.of("people", "training_events", "remedial_actions",
            "module_releases", "compliance_settings");

    private PracticeFixture practice;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
    }

    @Test
    void aPersonsPackageHasRolesWithDatesResultsScoresAttemptsPoliciesRemedialActionsAndStatementIds() {
        Learner zoe = practice.person("Zoë Nguyễn", "zoe", List.of("everyone"), 300, "Maria Lopez");
        HttpResponse<String> roles = practice.admin().putJson("/api/roster/people/" + zoe.id() + "/roles",
                "{\"roles\":[\"everyone\",\"front-desk\"],\"effective\":\"" + practice.today.minusDays(40) + "\"}", Map.of());
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        String failed = practice.send(TrainingStatements.failed(zoe.mbox(), zoe.name(), "security", daysAgo(30), 0.55));
        String passed = practice.send(TrainingStatements.passed(zoe.mbox(), zoe.name(), "security", daysAgo(29), 0.86));
        String ack = practice.send(TrainingStatements.acknowledged(zoe.mbox(), zoe.name(), "security",
                daysAgo(29).plusSeconds(45), "security-policy", "2026.1"));
        String privacy = practice.send(TrainingStatements.passed(zoe.mbox(), zoe.name(), "privacy", daysAgo(3), 1.0));
        HttpResponse<String> coaching = practice.admin().postJson("/api/compliance/people/" + zoe.id() + "/remedial-actions",
                "{\"moduleId\":\"security\",\"date\":\"" + practice.today.minusDays(30)
                        + "\",\"action\":\"Reviewed the phishing lesson one-to-one before the retake\"}");
        assertThat(coaching.statusCode()).as(coaching.body()).isEqualTo(201);

        HttpResponse<byte[]> response = practice.admin().getBytes("/api/reports/audit.pdf", params("person", zoe.id()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("hipaa-training-audit-zoe-nguyen-" + practice.today.minusYears(6) + "-to-" + practice.today + ".pdf");
        String text = text(response.body(), "audit-person");
        assertThat(text).contains("Audit evidence package", "Person: Zoë Nguyễn (employee ID " + zoe.employeeId() + ")",
                "Generated", "by admin");
        assertThat(text).contains(zoe.employeeId(), zoe.email(), "Maria Lopez", practice.today.minusDays(300).toString());
        assertThat(text).contains("All workforce (baseline) (everyone): " + practice.today.minusDays(300) + " to now",
                "Front desk and intake (front-desk): " + practice.today.minusDays(40) + " to now");
        assertThat(text).contains(failed, passed, ack, privacy);
        assertThat(text).contains("55%", "86%", "100%", "Acknowledged", "Failed", "Passed");
        assertThat(text).contains("Reviewed the phishing lesson one-to-one before the retake");
        assertThat(text).contains("Module version history", "Security awareness essentials", "First release.");
        String rows = text.replaceAll("\\s+", " ");
        assertThat(rows).contains("1.0.0 Failed 55% 1 test-client " + failed, "1.0.0 Passed 86% 2 test-client " + passed,
                "1.0.0 Acknowledged security-policy 2026.1 no fingerprint reported test-client " + ack,
                "(security-policy) 2026.1 whole policy — 1 text of this version not held by this LRS");
    }

    @Test
    void aModulesPackageCoversThatModuleOnly() {
        Learner eli = practice.person("Eli Brooks", "eli", List.of("everyone"), 60, "Maria Lopez");
        String breach = practice.send(TrainingStatements.passed(eli.mbox(), eli.name(), "breach", daysAgo(5), 0.9));
        String privacy = practice.send(TrainingStatements.passed(eli.mbox(), eli.name(), "privacy", daysAgo(5), 0.9));

        HttpResponse<byte[]> response = practice.admin().getBytes("/api/reports/audit.pdf",
                params("module", "breach", "from", practice.today.minusDays(10).toString()));

        String text = text(response.body(), "audit-module");
        assertThat(text).contains("Module: ", "(breach)", "Eli Brooks", breach).doesNotContain(privacy);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("hipaa-training-audit-breach-" + practice.today.minusDays(10) + "-to-" + practice.today + ".pdf");
    }

    @Test
    void theWholePracticePackageOfAHundredPeopleIsQuick() {
        StringBuilder csv = new StringBuilder("employee_id,name,email,roles,hire_date,supervisor\n");
        for (int i = 0; i < 100; i++) {
            csv.append("P%03d-%s,Person %03d,p%03d.%s@clinic.test,everyone,%s,Maria Lopez\n".formatted(i, practice.run, i, i,
                    practice.run, practice.today.minusDays(100 + i)));
        }
        HttpResponse<String> imported = practice.admin().send("POST", "/api/roster/import", Map.of(),
                csv.toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        ArrayNode batch = XapiJson.MAPPER.createArrayNode();
        for (int i = 0; i < 100; i++) {
            String mbox = "mailto:p%03d.%s@clinic.test".formatted(i, practice.run);
            String name = "Person %03d".formatted(i);
            batch.add(TrainingStatements.failed(mbox, name, "privacy", daysAgo(20), 0.6));
            batch.add(TrainingStatements.passed(mbox, name, "privacy", daysAgo(19), 0.9));
            batch.add(TrainingStatements.acknowledged(mbox, name, "privacy", daysAgo(19).plusSeconds(30), "privacy-policy", "2026.1"));
            batch.add(TrainingStatements.passed(mbox, name, "security", daysAgo(18), 0.8));
        }
        HttpResponse<String> sent = xapi.postJson("/xapi/statements", XapiJson.write(batch));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        int queriesBefore = RecordedQueries.INSTANCE.all().size();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = practice.admin().getBytes("/api/reports/audit.pdf",
                params("from", practice.today.minusDays(30).toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // reads of the records the package is made of (the catch-up may apply statements meanwhile: not counted)
        long queries = RecordedQueries.INSTANCE.all().stream().skip(queriesBefore)
                .filter(q -> q.command().equals("find") && RECORDS.contains(q.collection())).count();

        assertThat(response.statusCode()).isEqualTo(200);
        String text = text(response.body(), "audit-practice");
        assertThat(text).contains("Whole practice", "P000-" + practice.run, "P099-" + practice.run, "Person 042");
        // A few queries whatever the roster's size (statuses, events, remedial actions, module releases), never one per
        // person; rendering takes about a second of CPU for a hundred people once warm, but the build machines are shared.
        assertThat(queries).as("queries for the whole-practice audit package").isLessThan(40);
        assertThat(millis).as("whole-practice audit package in %d ms", millis).isLessThan(60_000);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequest() {
        HttpResponse<String> response = practice.admin().get("/api/reports/audit.pdf",
                params("from", "2026-02-01", "to", "2026-01-01"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("from: 2026-02-01 is after to: 2026-01-01");
    }

    /** The PDF's text; the PDF is kept under target/reports for a look. */
    static String text(byte[] pdf, String name) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path folder = Path.of("target", "reports");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".pdf"), pdf);
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
