package org.hipaatraining.lrs.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries (docs/architecture.md): the feature packages directly under {@code org.hipaatraining.lrs} must not
 * depend on each other in a cycle (a failure names the classes on each edge), and the shared xAPI model
 * ({@code xapimodel}) depends on no feature, and a feature's stores (the classes that own its collections and their
 * layout) are used only inside that feature: another feature goes through its services or published read views.
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

    private static final String APP = "org.hipaatraining.lrs.";

    /** The feature a class belongs to: the package directly under {@code org.hipaatraining.lrs}. */
    private static String feature(JavaClass c) {
        String rest = c.getPackageName().startsWith(APP) ? c.getPackageName().substring(APP.length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static final ArchCondition<JavaClass> USED_ONLY_INSIDE_ITS_FEATURE =
            new ArchCondition<>("be used only inside their own feature") {
                @Override
                public void check(JavaClass store, ConditionEvents events) {
                    for (Dependency d : store.getDirectDependenciesToSelf()) {
                        JavaClass user = d.getOriginClass();
                        if (user.getPackageName().startsWith(APP) && !feature(user).equals(feature(store))) {
                            events.add(SimpleConditionEvent.violated(d, feature(user) + " reaches into " + feature(store)
                                    + "'s store: " + d.getDescription()));
                        }
                    }
                }
            };

    static final ArchRule STORES_STAY_INSIDE_THEIR_FEATURE = classes()
            .that().haveSimpleNameEndingWith("Store").and().resideInAPackage("org.hipaatraining.lrs..")
            .and().resideOutsideOfPackage("org.hipaatraining.lrs.store..") // the database itself, not a feature's data
            .should(USED_ONLY_INSIDE_ITS_FEATURE)
            .as("a feature's stores (its collections and their layout)");

    @Test
    void featureStoresAreUsedOnlyInsideTheirFeature() {
        STORES_STAY_INSIDE_THEIR_FEATURE.check(MAIN_CLASSES);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(MAIN_CLASSES);
    }

    @Test
    void sharedXapiModelDependsOnNoFeature() {
        XAPI_MODEL_DEPENDS_ON_NO_FEATURE.check(MAIN_CLASSES);
    }
}
