package org.hipaatraining.lrs.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificatesTest extends LrsIntegrationTest {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private PracticeFixture practice;
    private Learner maya;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
        maya = practice.person("Maya O'Brien", "maya", List.of("everyone"), 100, "Maria Lopez");
    }

    @Test
    void aPassingStatementHasACertificateWithNameModuleVersionDateScoreAndVerifyLink() {
        String passed = practice.send(TrainingStatements.passed(maya.mbox(), maya.name(), "breach", daysAgo(6), 0.92));

        HttpResponse<byte[]> response = practice.admin().getBytes("/api/reports/certificates/" + passed + ".pdf", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline")
                .contains("certificate-maya-o-brien-breach-" + practice.today.minusDays(6) + ".pdf");
        String text = AuditPackageTest.text(response.body(), "certificate");
        assertThat(text).contains("Certificate of completion", "Maya O'Brien", "Breaches and incident response", "1.0.0",
                practice.today.minusDays(6).format(LONG_DATE), "92%", passed, "/verify/" + passed);
    }

    @Test
    void theVerifyPageConfirmsAValidCertificateWithoutSignIn() {
        String passed = practice.send(TrainingStatements.passed(maya.mbox(), maya.name(), "privacy", daysAgo(2), 0.88));

        HttpResponse<String> page = xapi.anonymous().get("/verify/" + passed);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Valid certificate", "Maya O&#39;Brien", "HIPAA Privacy Rule essentials", "1.0.0",
                practice.today.minusDays(2).format(LONG_DATE), passed).doesNotContain("88%");
    }

    @Test
    void aFailedOrUnknownStatementIsNotACertificate() {
        String failed = practice.send(TrainingStatements.failed(maya.mbox(), maya.name(), "security", daysAgo(3), 0.4));
        String unknown = UUID.randomUUID().toString();

        assertThat(practice.admin().getBytes("/api/reports/certificates/" + failed + ".pdf", Map.of()).statusCode()).isEqualTo(404);
        assertThat(practice.admin().getBytes("/api/reports/certificates/" + unknown + ".pdf", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> page = xapi.anonymous().get("/verify/" + failed);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not a valid certificate", failed).doesNotContain("Maya");
        assertThat(xapi.anonymous().get("/verify/" + unknown).body()).contains("Not a valid certificate");
    }

    @Test
    void aVoidedStatementsCertificateNoLongerVerifies() {
        String passed = practice.send(TrainingStatements.passed(maya.mbox(), maya.name(), "security", daysAgo(4), 0.9));
        assertThat(xapi.anonymous().get("/verify/" + passed).statusCode()).isEqualTo(200);

        practice.send(TrainingStatements.voiding(passed));

        HttpResponse<String> page = xapi.anonymous().get("/verify/" + passed);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not a valid certificate").doesNotContain("Maya");
        assertThat(practice.admin().getBytes("/api/reports/certificates/" + passed + ".pdf", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void certificatesNeedASignIn() {
        String passed = practice.send(TrainingStatements.passed(maya.mbox(), maya.name(), "privacy", daysAgo(1), 0.9));

        assertThat(xapi.anonymous().getBytes("/api/reports/certificates/" + passed + ".pdf", Map.of()).statusCode()).isEqualTo(401);
    }
}
