package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PackageBuilderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Catalogue catalogue = Fixtures.catalogue();
    private final PackageBuilder builder = new PackageBuilder();

    private Map<String, byte[]> build(PackageSpec spec, PackageFormat format) {
        return Fixtures.unzip(builder.build(catalogue, spec, format));
    }

    static JsonNode moduleData(Map<String, byte[]> entries, String moduleId) {
        String page = Fixtures.text(entries, "modules/" + moduleId + "/index.html");
        return JSON.readTree(Jsoup.parse(page).getElementById("module-data").data());
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void roleCourseHasTheContractLayout(PackageFormat format) {
        Map<String, byte[]> entries = build(PackageSpec.forRole("clinical"), format);

        assertThat(entries).containsOnlyKeys(format.manifestName(), "player/player.css", "player/player.js",
                "modules/alpha/index.html", "modules/alpha/images/flow.svg");
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void buildsAreByteIdentical(PackageFormat format) {
        byte[] first = new PackageBuilder().build(catalogue, PackageSpec.forRole("front-desk"), format);
        byte[] second = new PackageBuilder().build(Fixtures.catalogue(), PackageSpec.forRole("front-desk"), format);

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void inlineDataNamesFormatModuleVersionAndPackageVersion(PackageFormat format) {
        JsonNode data = moduleData(build(PackageSpec.forModule("alpha"), format), "alpha");

        assertThat(data.get("format").asString()).isEqualTo(format.id());
        assertThat(data.get("module").get("version").asString()).isEqualTo("2.1.0");
        assertThat(data.get("packageVersion").asString()).matches("[0-9a-f]{12}");
    }

    @Test
    void activityIrisAreTheSameInEveryFormat() {
        List<List<String>> perFormat = new ArrayList<>();
        for (PackageFormat format : PackageFormat.values()) {
            Map<String, byte[]> entries = build(PackageSpec.forRole("front-desk"), format);
            List<String> iris = new ArrayList<>();
            for (String module : List.of("alpha", "beta")) {
                JsonNode data = moduleData(entries, module);
                iris.add(data.get("courseIri").asString());
                iris.add(data.get("module").get("iri").asString());
                data.get("module").get("lessons").forEach(l -> iris.add(l.get("iri").asString()));
                data.get("module").get("questions").forEach(q -> iris.add(q.get("iri").asString()));
                iris.add(data.get("module").get("attestation").path("iri").asString(""));
            }
            perFormat.add(iris);
        }
        assertThat(perFormat).allSatisfy(iris -> assertThat(iris).isEqualTo(perFormat.get(0)));
        assertThat(perFormat.get(0)).contains("https://hipaa-training.org/xapi/activities/role/front-desk",
                "https://hipaa-training.org/xapi/activities/module/alpha/lesson/front-desk-calls",
                "https://hipaa-training.org/xapi/activities/module/alpha/question/q02",
                "https://hipaa-training.org/xapi/activities/module/alpha/attestation");
    }

    @Test
    void manifestsUseTheCatalogueIris() {
        String tincan = Fixtures.text(build(PackageSpec.forRole("front-desk"), PackageFormat.XAPI), "tincan.xml");
        String cmi5 = Fixtures.text(build(PackageSpec.forRole("front-desk"), PackageFormat.CMI5), "cmi5.xml");

        for (String manifest : List.of(tincan, cmi5)) {
            assertThat(manifest).contains("id=\"https://hipaa-training.org/xapi/activities/role/front-desk\"",
                    "id=\"https://hipaa-training.org/xapi/activities/module/alpha\"",
                    "id=\"https://hipaa-training.org/xapi/activities/module/beta\"");
        }
    }

    @Test
    void packageVersionFollowsTheContent(@TempDir Path content) throws IOException {
        Fixtures.copyContent(content);
        String before = moduleData(Fixtures.unzip(builder.build(Catalogue.load(content), PackageSpec.forModule("beta"),
                PackageFormat.CMI5)), "beta").get("packageVersion").asString();
        Path lesson = content.resolve("modules/beta/lessons/lock-screen.html");
        Fixtures.write(lesson, Files.readString(lesson).replace("Windows+L", "Windows + L"));
        String after = moduleData(Fixtures.unzip(builder.build(Catalogue.load(content), PackageSpec.forModule("beta"),
                PackageFormat.CMI5)), "beta").get("packageVersion").asString();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void scormMasteryAndCmi5MoveOnFollowTheKnowledgeCheck() {
        String scorm12 = Fixtures.text(build(PackageSpec.forRole("front-desk"), PackageFormat.SCORM_12), "imsmanifest.xml");
        String scorm2004 = Fixtures.text(build(PackageSpec.forRole("front-desk"), PackageFormat.SCORM_2004), "imsmanifest.xml");
        String cmi5 = Fixtures.text(build(PackageSpec.forRole("front-desk"), PackageFormat.CMI5), "cmi5.xml");

        assertThat(scorm12).containsOnlyOnce("<adlcp:masteryscore>75</adlcp:masteryscore>")
                .contains("<schemaversion>1.2</schemaversion>", "adlcp:scormtype=\"sco\"");
        assertThat(scorm2004).containsOnlyOnce("<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>")
                .contains("<schemaversion>2004 4th Edition</schemaversion>", "satisfiedByMeasure=\"true\"",
                        "adlcp:scormType=\"sco\"", "flow=\"true\"");
        assertThat(cmi5).contains("masteryScore=\"0.75\"", "moveOn=\"CompletedAndPassed\"", "moveOn=\"Completed\"",
                "launchMethod=\"AnyWindow\"", "<url>modules/beta/index.html</url>");
    }

    @Test
    void buildAllWritesNamedFilesAndReportsProgress(@TempDir Path out) throws IOException {
        List<Integer> started = new ArrayList<>();
        List<BuiltPackage> heard = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(int total) {
                started.add(total);
            }

            @Override
            public void built(BuiltPackage builtPackage) {
                heard.add(builtPackage);
            }
        };

        List<BuiltPackage> built = builder.buildAll(catalogue, EnumSet.of(PackageFormat.SCORM_12, PackageFormat.CMI5),
                PackageSelection.of(Set.of("front-desk"), Set.of("alpha")), out, listener);

        assertThat(started).containsExactly(4);
        assertThat(heard).isEqualTo(built);
        assertThat(built).extracting(p -> p.file().getFileName().toString()).containsExactly(
                "hipaa-role-front-desk-scorm12.zip", "hipaa-role-front-desk-cmi5.zip",
                "hipaa-module-alpha-2.1.0-scorm12.zip", "hipaa-module-alpha-2.1.0-cmi5.zip");
        assertThat(built).allSatisfy(p -> assertThat(p.file()).exists().hasSize(p.size()));
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void buildAllWithoutASelectionBuildsEveryRoleAndModule(@TempDir Path out) {
        List<BuiltPackage> built = builder.buildAll(catalogue, EnumSet.of(PackageFormat.XAPI), PackageSelection.EVERYTHING,
                out, ProgressListener.NONE);

        assertThat(built).extracting(p -> p.spec().toString())
                .containsExactly("role front-desk", "role clinical", "module alpha", "module beta");
    }

    @Test
    void unknownModuleInASelectionNamesTheKnownOnes(@TempDir Path out) {
        assertThatThrownBy(() -> builder.buildAll(catalogue, EnumSet.of(PackageFormat.XAPI),
                PackageSelection.of(Set.of(), Set.of("gamma")), out, ProgressListener.NONE))
                .isInstanceOf(PackagingException.class)
                .hasMessage("module 'gamma' is not in catalogue.yaml; modules are [alpha, beta]");
    }
}
