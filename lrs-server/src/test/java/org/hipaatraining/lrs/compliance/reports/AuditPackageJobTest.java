package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The whole-practice audit package as a background job: parts of {@code lrs.reports.audit-part-size} people (40 in
 * tests), a manifest and SHA256SUMS that match the files, and every person of the roster in one part.
 */
class AuditPackageJobTest extends LrsIntegrationTest {

    @Test
    void aWholePracticePackageIsBuiltInPartsWithAManifestWhoseHashesMatch() throws Exception {
        PracticeFixture practice = new PracticeFixture(xapi);
        StringBuilder csv = new StringBuilder("employee_id,name,email,roles,hire_date,supervisor\n");
        for (int i = 0; i < 90; i++) {
            csv.append("Q%03d-%s,Quinn %03d,q%03d.%s@clinic.test,everyone,%s,Maria Lopez\n".formatted(i, practice.run, i, i,
                    practice.run, practice.today.minusDays(100)));
        }
        HttpResponse<String> imported = practice.admin().send("POST", "/api/roster/import", Map.of(),
                csv.toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        ArrayNode batch = XapiJson.MAPPER.createArrayNode();
        for (int i = 0; i < 90; i += 3) {
            batch.add(TrainingStatements.passed("mailto:q%03d.%s@clinic.test".formatted(i, practice.run), "Quinn %03d".formatted(i),
                    "privacy", daysAgo(5), 0.9));
        }
        assertThat(xapi.postJson("/xapi/statements", XapiJson.write(batch)).statusCode()).isEqualTo(200);

        HttpResponse<String> started = practice.admin().postJson("/api/reports/audit-packages", "",
                params("from", practice.today.minusDays(30).toString()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        AtomicReference<JsonNode> job = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            job.set(XapiHttp.json(practice.admin().get(location)));
            return !job.get().get("state").asString().matches("QUEUED|RUNNING");
        });
        assertThat(job.get().get("state").asString()).as(job.get().toString()).isEqualTo("READY");
        assertThat(job.get().get("peopleDone").asInt()).isEqualTo(job.get().get("peopleTotal").asInt()).isGreaterThanOrEqualTo(90);

        HttpResponse<byte[]> zip = practice.admin().getBytes(job.get().get("download").asString(), Map.of());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("hipaa-training-audit-practice-");
        assertThat(sha256(zip.body())).isEqualTo(job.get().get("sha256").asString());

        Map<String, byte[]> files = unzip(zip.body());
        JsonNode manifest = XapiJson.MAPPER.readTree(files.get("manifest.json"));
        assertThat(manifest.get("scope").asString()).isEqualTo("Whole practice");
        assertThat(manifest.get("parts").size()).isGreaterThanOrEqualTo(3).isEqualTo(files.size() - 2);
        StringBuilder sums = new StringBuilder();
        StringBuilder everyone = new StringBuilder();
        for (JsonNode part : manifest.get("parts")) {
            byte[] pdf = files.get(part.get("file").asString());
            assertThat(sha256(pdf)).as(part.get("file").asString()).isEqualTo(part.get("sha256").asString());
            assertThat(part.get("people").asInt()).isBetween(1, 40);
            String text = AuditPackageTest.text(pdf, "audit-job-" + part.get("file").asString().replace(".pdf", ""));
            assertThat(text).contains("Whole practice, part ", part.get("first").asString(), part.get("last").asString());
            everyone.append(text);
            sums.append(part.get("sha256").asString()).append("  ").append(part.get("file").asString()).append('\n');
        }
        assertThat(new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8)).isEqualTo(sums.toString());
        for (int i = 0; i < 90; i++) {
            assertThat(everyone).contains("Q%03d-%s".formatted(i, practice.run));
        }

        HttpResponse<String> list = practice.admin().get("/api/reports/audit-packages");
        assertThat(list.body()).contains(job.get().get("id").asString());
    }

    @Test
    void anUnknownModuleOrJobIsRefusedClearly() {
        PracticeFixture practice = new PracticeFixture(xapi);
        HttpResponse<String> module = practice.admin().postJson("/api/reports/audit-packages", "", params("module", "surgery"));
        assertThat(module.statusCode()).isEqualTo(400);
        assertThat(module.body()).contains("module: 'surgery' is not in the catalogue");
        HttpResponse<String> missing = practice.admin().get("/api/reports/audit-packages/no-such-job");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
