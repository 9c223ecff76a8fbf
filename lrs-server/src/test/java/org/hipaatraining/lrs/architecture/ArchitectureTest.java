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
        FreezingArchRule.freeze(FEATURES_FREE_OF_CYCLES).associateViolationLinesVia(ArchitectureTest::sameCycle)
                .check(MAIN_CLASSES);
    }

    /**
     * A frozen cycle is known by its slices alone ("Cycle detected: Slice a -> Slice b -> Slice a"), not by the classes
     * on its edges, so that work inside two packages already in a cycle does not fail the build; a new cycle does.
     */
    private static boolean sameCycle(String frozen, String found) {
        return slicesOf(frozen).equals(slicesOf(found));
    }

    private static String slicesOf(String violation) {
        int details = violation.indexOf("1. Dependencies of");
        return (details < 0 ? violation : violation.substring(0, details)).replace("\\", "").replaceAll("\\s+", " ").trim();
    }
}
