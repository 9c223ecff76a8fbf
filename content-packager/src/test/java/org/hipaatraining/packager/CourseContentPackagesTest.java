package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Role;
import org.hipaatraining.packager.validate.Finding;
import org.hipaatraining.packager.validate.PackageValidator;
import org.hipaatraining.packager.validate.Schemas;
import org.hipaatraining.packager.validate.ValidationReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real course content (the catalogue in the course-content jar): every role course and every module package, in
 * every format, builds and passes the validator with the official XSDs. This is where a content change that breaks
 * packaging (a missing image, a role naming a module that is not in the catalogue) shows up.
 */
class CourseContentPackagesTest {

    private static final Catalogue CATALOGUE = Catalogue.loadDefault();
    private static final PackageBuilder BUILDER = new PackageBuilder();
    private static final PackageValidator VALIDATOR = new PackageValidator(Schemas.in(Fixtures.schemasFolder()));

    @TestFactory
    Stream<DynamicTest> everyRoleAndModuleInEveryFormatIsAValidPackage() {
        List<PackageSpec> specs = new ArrayList<>();
        CATALOGUE.roles().stream().map(Role::id).map(PackageSpec::forRole).forEach(specs::add);
        CATALOGUE.modules().stream().map(Module::id).map(PackageSpec::forModule).forEach(specs::add);
        return specs.stream().flatMap(spec -> Stream.of(PackageFormat.values()).map(format ->
                dynamicTest(spec + " " + format, () -> {
                    assumeTrue(modulesExist(spec), spec + " takes a module that is not in catalogue.yaml yet;"
                            + " course-content's CatalogueIntegrityTest reports that");
                    byte[] zip = BUILDER.build(CATALOGUE, spec, format);
                    ValidationReport report = VALIDATOR.validate(zip, spec.fileName(CATALOGUE, format));
                    assertThat(report.findings()).extracting(Finding::toString).isEmpty();
                    assertThat(report.format()).isEqualTo(format);
                })));
    }

    private static boolean modulesExist(PackageSpec spec) {
        return !spec.isRole() || CATALOGUE.role(spec.id()).orElseThrow().moduleIds().stream()
                .allMatch(id -> CATALOGUE.module(id).isPresent());
    }
}
