package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoadingTest {

    @TempDir
    Path folder;

    @Test
    void theJarAndTheSourceFolderGiveTheSameCatalogue() {
        Catalogue fromJar = Catalogue.loadDefault();
        Catalogue fromFolder = Content.catalogue();

        assertThat(fromJar.activityIris()).isEqualTo(fromFolder.activityIris());
        assertThat(fromJar.modules()).isEqualTo(fromFolder.modules());
    }

    @Test
    void iriesDeriveFromTheBaseAndTheIds() {
        Module module = Content.catalogue().modules().get(0);

        assertThat(module.iri()).isEqualTo("https://hipaa-training.org/xapi/activities/module/" + module.id());
        assertThat(module.lessons().get(0).iri()).isEqualTo(module.iri() + "/lesson/" + module.lessons().get(0).id());
        assertThat(module.questions().get(0).iri()).isEqualTo(module.iri() + "/question/" + module.questions().get(0).id());
    }

    @Test
    void anActivityFindsItsModule() {
        Catalogue catalogue = Content.catalogue();
        Module module = catalogue.modules().get(0);

        assertThat(catalogue.moduleByIri(module.iri())).contains(module);
        assertThat(catalogue.moduleContaining(module.lessons().get(0).iri())).contains(module);
        assertThat(catalogue.moduleContaining(module.iri() + "/attestation")).contains(module);
        assertThat(catalogue.moduleContaining("https://hipaa-training.org/xapi/activities/module/no-such-module")).isEmpty();
        assertThat(catalogue.moduleContaining("https://moodle.clinic.example/mod/scorm/view.php?id=4")).isEmpty();
    }

    @Test
    void theVersionInEffectFollowsTheChangelogDates() {
        Module module = Content.catalogue().modules().get(0);
        ChangeLogEntry first = module.changelog().get(module.changelog().size() - 1);

        assertThat(module.versionOn(first.date())).isEqualTo(first.version());
        assertThat(module.versionOn(first.date().minusYears(1))).isEqualTo(first.version());
    }

    @Test
    void aMissingFieldIsReportedWithItsFileAndPath() throws IOException {
        writeMinimalContent();
        edit("modules/demo/module.yaml", "    file: lessons/one.html\n", "");

        assertThatThrownBy(() -> Catalogue.load(folder)).isInstanceOf(ContentException.class)
                .hasMessage("modules/demo/module.yaml: lessons[0].file: required");
    }

    @Test
    void aWrongKindIsReportedWithTheAllowedValues() throws IOException {
        writeMinimalContent();
        edit("modules/demo/module.yaml", "kind: core", "kind: optional");

        assertThatThrownBy(() -> Catalogue.load(folder)).isInstanceOf(ContentException.class)
                .hasMessage("modules/demo/module.yaml: kind: 'optional' is not one of [core, role, reminder]");
    }

    @Test
    void aMissingLessonFileIsReportedWithItsPath() throws IOException {
        writeMinimalContent();
        Files.delete(folder.resolve("modules/demo/lessons/one.html"));

        assertThatThrownBy(() -> Catalogue.load(folder)).isInstanceOf(ContentException.class)
                .hasMessageEndingWith("modules/demo/lessons/one.html: file not found");
    }

    @Test
    void aVersionThatIsNotSemanticIsRefused() throws IOException {
        writeMinimalContent();
        edit("modules/demo/module.yaml", "version: 1.0.0\n", "version: v1\n");

        assertThatThrownBy(() -> Catalogue.load(folder)).hasMessage(
                "modules/demo/module.yaml: version: 'v1' is not a semantic version such as 1.2.0");
    }

    @Test
    void aLessonFileCannotPointOutsideTheContentFolder() throws IOException {
        writeMinimalContent();
        edit("modules/demo/module.yaml", "file: lessons/one.html", "file: ../../../../etc/passwd");

        assertThatThrownBy(() -> Catalogue.load(folder)).hasMessageContaining("points outside the content folder");
    }

    @Test
    void anItemForAnObjectiveTheModuleDoesNotHaveIsRefused() throws IOException {
        writeMinimalContent();
        edit("modules/demo/questions.yaml", "objective: know-phi", "objective: knows-phi");

        assertThatThrownBy(() -> Catalogue.load(folder)).hasMessage(
                "modules/demo/questions.yaml: questions[0].objective: 'knows-phi' is not an objective id in module.yaml");
    }

    @Test
    void anObjectiveMustPointAtASectionOfItsLesson() throws IOException {
        writeMinimalContent();
        edit("modules/demo/module.yaml", "section: one}", "section: two}");

        assertThatThrownBy(() -> Catalogue.load(folder)).hasMessage("modules/demo/module.yaml: objectives[0].section: "
                + "'two' is not the id of an <h2>-<h4> or <section> in lessons/one.html");
    }

    @Test
    void anAcknowledgementTakesItsPolicyVersionFromPoliciesAndCitesSectionsThePolicyHas() throws IOException {
        writeMinimalContent();
        Files.createDirectories(folder.resolve("policies"));
        Files.writeString(folder.resolve("policies.yaml"), "policies:\n  - {id: demo-policy, title: Demo policy, "
                + "version: \"2027.1\", effectiveDate: 2027-01-04, file: policies/demo.html}\n");
        Files.writeString(folder.resolve("policies/demo.html"), "<section id=\"rules\"><h2>Rules</h2><p>Follow them.</p></section>");
        Files.writeString(folder.resolve("modules/demo/module.yaml"), Files.readString(folder.resolve("modules/demo/module.yaml"))
                + "attestation:\n  policyId: demo-policy\n  sections: [rules]\n  text: I will follow the rules.\n");

        Attestation attestation = Catalogue.load(folder).module("demo").orElseThrow().attestation();
        assertThat(attestation.policyVersion()).isEqualTo("2027.1");
        assertThat(attestation.sections()).containsExactly("rules");

        edit("modules/demo/module.yaml", "sections: [rules]", "sections: [rule]");
        assertThatThrownBy(() -> Catalogue.load(folder)).hasMessage(
                "modules/demo/module.yaml: attestation.sections: 'rule' is not a section of policy demo-policy");
    }

    /** Replaces text in one file of the content folder. */
    private void edit(String file, String from, String to) throws IOException {
        Files.writeString(folder.resolve(file), Files.readString(folder.resolve(file)).replace(from, to));
    }

    private void writeMinimalContent() throws IOException {
        Files.createDirectories(folder.resolve("modules/demo/lessons"));
        Files.writeString(folder.resolve("catalogue.yaml"), "iriBase: https://hipaa-training.org/xapi\nmodules: [demo]\n");
        Files.writeString(folder.resolve("topics.yaml"), "topics:\n  - {id: phi-definition, title: PHI, citation: 45 CFR 160.103}\n");
        Files.writeString(folder.resolve("roles.yaml"), """
                roles:
                  - id: everyone
                    title: Everyone
                    description: All staff.
                    modules: [{module: demo}]
                    onboardingDays: 30
                    refresherMonths: 12
                """);
        Files.writeString(folder.resolve("modules/demo/module.yaml"), """
                id: demo
                kind: core
                title: Demo
                description: A demo module.
                version: 1.0.0
                effectiveDate: 2026-11-01
                estimatedMinutes: 5
                masteryScore: 0.8
                objectives:
                  - {id: know-phi, text: Know what PHI is., lesson: one, section: one}
                knowledgeCheck: {itemsPerObjective: 1}
                lessons:
                  - id: one
                    title: One
                    file: lessons/one.html
                    estimatedMinutes: 5
                    topics: [phi-definition]
                changelog:
                  - {version: 1.0.0, date: 2026-11-01, material: true, summary: First release.}
                """);
        Files.writeString(folder.resolve("modules/demo/questions.yaml"), """
                questions:
                  - id: q01
                    objective: know-phi
                    type: single
                    prompt: What is PHI?
                    choices: [{id: a, text: Health information that identifies a patient.}, {id: b, text: Any data.}]
                    correct: [a]
                    explanation: PHI identifies a person and relates to their health, care or payment.
                    citation: 45 CFR 160.103
                """);
        Files.writeString(folder.resolve("modules/demo/lessons/one.html"),
                "<h2 id=\"one\">One</h2><section class=\"scenario\"><h2>Scenario</h2><p>Text.</p></section>");
        Catalogue.load(folder); // the minimal content itself is valid
    }
}
