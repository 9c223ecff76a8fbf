package org.hipaatraining.lrs.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries (docs/architecture.md): the feature packages directly under {@code org.hipaatraining.lrs} must not
 * depend on each other in a cycle (a failure names the classes on each edge), and the shared xAPI model
 * ({@code xapimodel}) depends on no feature.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.hipaatraining.lrs");

    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("org.hipaatraining.lrs.(*)..")
            .as("feature packages").should().beFreeOfCycles();

    static final ArchRule XAPI_MODEL_DEPENDS_ON_NO_FEATURE = noClasses()
            .that().resideInAPackage("org.hipaatraining.lrs.xapimodel..")
            .should().dependOnClassesThat(resideInAPackage("org.hipaatraining.lrs..")
                    .and(resideOutsideOfPackages("org.hipaatraining.lrs.xapimodel..", "org.hipaatraining.lrs.system..")))
            .as("the shared xAPI model (xapimodel) depends on nothing in the app but system");

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(MAIN_CLASSES);
    }

    @Test
    void sharedXapiModelDependsOnNoFeature() {
        XAPI_MODEL_DEPENDS_ON_NO_FEATURE.check(MAIN_CLASSES);
    }
}
