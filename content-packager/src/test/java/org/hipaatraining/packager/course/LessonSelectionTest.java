package org.hipaatraining.packager.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.RoleModule;
import org.hipaatraining.packager.Fixtures;
import org.hipaatraining.packager.PackageSpec;
import org.hipaatraining.packager.PackagingException;
import org.junit.jupiter.api.Test;

class LessonSelectionTest {

    private final Catalogue catalogue = Fixtures.catalogue();
    private final Module alpha = catalogue.module("alpha").orElseThrow();

    private static List<String> ids(List<Lesson> lessons) {
        return lessons.stream().map(Lesson::id).toList();
    }

    @Test
    void roleWithALessonListGetsThoseLessonsPlusItsOwnVariants() {
        RoleModule taken = new RoleModule("alpha", List.of("basics"));

        assertThat(ids(LessonSelection.forRole(alpha, taken, "front-desk"))).containsExactly("basics", "front-desk-calls");
    }

    @Test
    void roleWithoutALessonListGetsTheSharedLessonsPlusItsOwnVariantsInModuleOrder() {
        RoleModule taken = new RoleModule("alpha", List.of());

        assertThat(ids(LessonSelection.forRole(alpha, taken, "clinical")))
                .containsExactly("basics", "diagram", "clinical-rounds");
    }

    @Test
    void anotherRolesVariantIsLeftOut() {
        RoleModule taken = new RoleModule("alpha", List.of());

        assertThat(ids(LessonSelection.forRole(alpha, taken, "billing"))).containsExactly("basics", "diagram");
    }

    @Test
    void moduleBuildGetsEveryLessonIncludingAllVariants() {
        assertThat(ids(LessonSelection.all(alpha)))
                .containsExactly("basics", "diagram", "front-desk-calls", "clinical-rounds");
    }

    @Test
    void aListedLessonTheModuleDoesNotHaveIsAnError() {
        RoleModule taken = new RoleModule("alpha", List.of("no-such-lesson"));

        assertThatThrownBy(() -> LessonSelection.forRole(alpha, taken, "front-desk"))
                .isInstanceOf(PackagingException.class)
                .hasMessage("roles.yaml: role front-desk: module alpha has no lesson 'no-such-lesson'");
    }

    @Test
    void roleCourseHasTheRolesModulesInOrderWithTheSelectedLessons() {
        Course course = new CourseAssembler(catalogue).assemble(PackageSpec.forRole("front-desk"));

        assertThat(course.iri()).isEqualTo("https://hipaa-training.org/xapi/activities/role/front-desk");
        assertThat(course.courseIri()).isEqualTo(course.iri());
        assertThat(course.roleId()).isEqualTo("front-desk");
        assertThat(course.modules()).extracting(m -> m.module().id()).containsExactly("alpha", "beta");
        assertThat(course.modules().get(0).lessons()).extracting(l -> l.lesson().id())
                .containsExactly("basics", "front-desk-calls");
        // The diagram lesson is not shown to this role, so its image is not shipped either.
        assertThat(course.modules().get(0).images()).isEmpty();
    }

    @Test
    void moduleCourseIsTheModuleWithoutARole() {
        Course course = new CourseAssembler(catalogue).assemble(PackageSpec.forModule("alpha"));

        assertThat(course.iri()).isEqualTo(alpha.iri());
        assertThat(course.roleId()).isNull();
        assertThat(course.courseIri()).isNull();
        assertThat(course.modules().get(0).files())
                .containsExactly("modules/alpha/index.html", "modules/alpha/images/flow.svg");
    }

    @Test
    void unknownRoleIsAnError() {
        assertThatThrownBy(() -> new CourseAssembler(catalogue).assemble(PackageSpec.forRole("janitor")))
                .isInstanceOf(PackagingException.class).hasMessageContaining("role 'janitor'");
    }
}
