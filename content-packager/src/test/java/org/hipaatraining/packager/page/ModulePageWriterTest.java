package org.hipaatraining.packager.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.packager.Fixtures;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSpec;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseAssembler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModulePageWriterTest {

    private final CourseAssembler assembler = new CourseAssembler(Fixtures.catalogue());

    private static Document page(Course course, int module, PackageFormat format) {
        byte[] html = ModulePageWriter.write(course, course.modules().get(module), format, "abc123");
        return Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    private static JsonNode data(Document page) {
        return JsonMapper.builder().build().readTree(page.getElementById("module-data").data());
    }

    @Test
    void pageIsAShellThatLoadsThePlayerFromThePackageRoot() {
        Document page = page(assembler.assemble(PackageSpec.forModule("alpha")), 0, PackageFormat.SCORM_12);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("meta[name=viewport]")).isNotNull();
        assertThat(page.title()).isEqualTo("Alpha & \"friends\" <basics>");
        assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("../../player/player.css");
        assertThat(page.selectFirst("script[src]").attr("src")).isEqualTo("../../player/player.js");
        assertThat(page.selectFirst("script[src]").hasAttr("defer")).isTrue();
        assertThat(page.getElementById("module-data").attr("type")).isEqualTo("application/json");
    }

    @Test
    void roleCourseDataCarriesRoleCourseAndTheRolesLessons() {
        JsonNode data = data(page(assembler.assemble(PackageSpec.forRole("front-desk")), 0, PackageFormat.CMI5));

        assertThat(data.get("format").asString()).isEqualTo("cmi5");
        assertThat(data.get("packageVersion").asString()).isEqualTo("abc123");
        assertThat(data.get("roleId").asString()).isEqualTo("front-desk");
        assertThat(data.get("courseIri").asString()).isEqualTo("https://hipaa-training.org/xapi/activities/role/front-desk");
        JsonNode module = data.get("module");
        assertThat(module.get("id").asString()).isEqualTo("alpha");
        assertThat(module.get("iri").asString()).isEqualTo("https://hipaa-training.org/xapi/activities/module/alpha");
        assertThat(module.get("version").asString()).isEqualTo("2.1.0");
        assertThat(module.get("estimatedMinutes").asInt()).isEqualTo(12);
        assertThat(module.get("masteryScore").asDouble()).isEqualTo(0.75);
        assertThat(module.get("lessons").valueStream().map(l -> l.get("id").asString()))
                .containsExactly("basics", "front-desk-calls");
        assertThat(module.get("lessons").get(0).get("iri").asString())
                .isEqualTo("https://hipaa-training.org/xapi/activities/module/alpha/lesson/basics");
    }

    @Test
    void questionsAndAttestationAreAsTheContractSpellsThem() {
        JsonNode module = data(page(assembler.assemble(PackageSpec.forModule("alpha")), 0, PackageFormat.XAPI)).get("module");

        JsonNode q01 = module.get("questions").get(0);
        assertThat(q01.get("id").asString()).isEqualTo("q01");
        assertThat(q01.get("iri").asString()).isEqualTo("https://hipaa-training.org/xapi/activities/module/alpha/question/q01");
        assertThat(q01.get("type").asString()).isEqualTo("single");
        assertThat(q01.get("choices").get(1).get("text").asString()).isEqualTo("Verify who is calling.");
        assertThat(q01.get("correct").get(0).asString()).isEqualTo("b");
        assertThat(q01.get("citation").asString()).isEqualTo("45 CFR 164.514(h)");
        assertThat(module.get("questions").get(1).get("type").asString()).isEqualTo("multiple");
        assertThat(module.get("questions").get(1).get("scenario").isNull()).isTrue();
        JsonNode attestation = module.get("attestation");
        assertThat(attestation.get("iri").asString()).isEqualTo("https://hipaa-training.org/xapi/activities/module/alpha/attestation");
        assertThat(attestation.get("policyId").asString()).isEqualTo("privacy-policy");
        assertThat(attestation.get("policyVersion").asString()).isEqualTo("2026.1");
    }

    @Test
    void moduleWithoutRoleOrAttestationHasNulls() {
        JsonNode data = data(page(assembler.assemble(PackageSpec.forModule("beta")), 0, PackageFormat.SCORM_2004));

        assertThat(data.get("roleId").isNull()).isTrue();
        assertThat(data.get("courseIri").isNull()).isTrue();
        assertThat(data.get("module").get("attestation").isNull()).isTrue();
        assertThat(data.get("module").get("questions").isEmpty()).isTrue();
    }

    @Test
    void vocabularyComesFromTheCatalogue() {
        JsonNode vocabulary = data(page(assembler.assemble(PackageSpec.forModule("beta")), 0, PackageFormat.XAPI)).get("vocabulary");

        assertThat(vocabulary.get("moduleVersion").asString()).isEqualTo(Vocabulary.EXT_MODULE_VERSION);
        assertThat(vocabulary.get("policyId").asString()).isEqualTo(Vocabulary.EXT_POLICY_ID);
        assertThat(vocabulary.get("policyVersion").asString()).isEqualTo(Vocabulary.EXT_POLICY_VERSION);
        assertThat(vocabulary.get("role").asString()).isEqualTo(Vocabulary.EXT_ROLE);
        assertThat(vocabulary.get("packageFormat").asString()).isEqualTo(Vocabulary.EXT_PACKAGE_FORMAT);
        assertThat(vocabulary.get("acknowledged").asString()).isEqualTo(Vocabulary.VERB_ACKNOWLEDGED);
    }

    @Test
    void lessonHtmlCannotEndTheScriptElement() {
        Course course = assembler.assemble(PackageSpec.forModule("alpha"));
        String script = ModuleData.toScriptText(ModuleData.toJson(course, course.modules().get(0), PackageFormat.XAPI, "v"));

        assertThat(script).doesNotContain("</").contains("<\\/p>").contains("<\\/section>");
        JsonNode parsed = JsonMapper.builder().build().readTree(script);
        assertThat(parsed.get("module").get("lessons").get(0).get("html").asString()).contains("</p>");
    }
}
