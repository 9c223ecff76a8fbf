package org.hipaatraining.lrs.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeProfileRestore;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

@ExtendWith(PracticeProfileRestore.class)
class PracticeProfilesTest extends LrsIntegrationTest {

    @Autowired
    PracticeProfiles profiles;

    private PracticeFixture practice;

    @BeforeEach
    void practice() {
        practice = new PracticeFixture(xapi);
    }

    @Test
    void aSavedProfileIsWhatCurrentReturnsWithAnOfficerTakenFromTheRoster() {
        Learner dana = practice.person("Dana Whitfield", "dana", List.of("management"), 400, "Board");

        PracticeProfile saved = profiles.save(new PracticeProfile("  Lakeside Pediatrics " + practice.run, "4 Lake Rd, Duluth, MN",
                new PracticeProfile.Officer(null, null, dana.id()),
                new PracticeProfile.Officer("Sam Ortiz", "sam@it-partner.test", null),
                ZoneId.of("America/Chicago"), true, 3, null, null), "admin");

        PracticeProfile current = profiles.current();
        assertThat(current).isEqualTo(saved);
        assertThat(current.name()).isEqualTo("Lakeside Pediatrics " + practice.run);
        assertThat(current.privacyOfficer()).isEqualTo(new PracticeProfile.Officer("Dana Whitfield", dana.email(), dana.id()));
        assertThat(current.securityOfficer().display()).isEqualTo("Sam Ortiz (sam@it-partner.test)");
        assertThat(current.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(current.isSetUp()).isTrue();
        assertThat(current.savedBy()).isEqualTo("admin");
    }

    @Test
    void aProfileWithProblemsIsRefusedNamingEveryField() {
        PracticeProfile before = profiles.current();

        assertThatThrownBy(() -> profiles.save(new PracticeProfile(" ", null,
                new PracticeProfile.Officer("Pat", "not-an-email", null),
                new PracticeProfile.Officer(null, null, "no-such-person"), ZoneId.of("UTC"), false, 0, null, null), "admin"))
                .isInstanceOf(PracticeProfiles.InvalidProfile.class)
                .hasMessageContaining("name: required")
                .hasMessageContaining("privacyOfficer.email: 'not-an-email'")
                .hasMessageContaining("securityOfficer.personId: no one on the roster")
                .hasMessageContaining("onboardingWindowDays: between 1 and 365");
        assertThatThrownBy(() -> PracticeProfiles.zone("Mars/Olympus")).hasMessageContaining("timeZone: 'Mars/Olympus'");
        assertThat(profiles.current()).isEqualTo(before);
    }

    @Test
    void certificatesAndAuditPackagesNameThePracticeItsAddressAndItsOfficers() {
        String name = "Harbor Dental Group " + practice.run;
        profiles.save(new PracticeProfile(name, "77 Quay St, Portland, ME 04101",
                new PracticeProfile.Officer("Rita Moreno", "rita@harbor.test", null),
                new PracticeProfile.Officer("Ken Adams", "ken@harbor.test", null), ZoneId.of("America/New_York"), false, 30,
                null, null), "admin");
        Learner lee = practice.person("Lee Park", "lee", List.of("everyone"), 100, "Rita Moreno");
        String passed = practice.send(TrainingStatements.passed(lee.mbox(), lee.name(), "privacy", daysAgo(1), 0.9));

        HttpResponse<byte[]> certificate = practice.admin().getBytes("/api/reports/certificates/" + passed + ".pdf", Map.of());
        HttpResponse<byte[]> audit = practice.admin().getBytes("/api/reports/audit.pdf", params("person", lee.id()));

        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(text(certificate.body())).contains(name.toUpperCase(java.util.Locale.ROOT), "77 Quay St, Portland, ME 04101",
                "Rita Moreno", "Privacy officer", "Ken Adams", "Security officer");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(text(audit.body())).contains(name, "Rita Moreno (rita@harbor.test)", "Ken Adams (ken@harbor.test)");
        assertThat(xapi.anonymous().get("/verify/" + passed).body()).contains(name);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
