package org.hipaatraining.lrs.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries (docs/architecture.md): the feature packages directly under {@code org.hipaatraining.lrs} must not
 * depend on each other in a cycle. The cycles that existed when this test was written are frozen in
 * {@code src/test/resources/archunit-frozen} (see archunit.properties); a new one fails here, naming the classes.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.hipaatraining.lrs");

    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("org.hipaatraining.lrs.(*)..")
            .as("feature packages").should().beFreeOfCycles();

    @Test
    void featurePackagesGainNoNewCycles() {
        FreezingArchRule.freeze(FEATURES_FREE_OF_CYCLES).check(MAIN_CLASSES);
    }
}
