package org.hipaatraining.packager.course;

import java.util.List;

import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.RoleModule;
import org.hipaatraining.packager.PackagingException;

/**
 * Which of a module's lessons a package shows. The LRS counts a module as done by its IRI whatever lessons were shown,
 * so this decides reading time, not compliance: a billing clerk reads the billing module's billing lessons, not all six.
 */
public final class LessonSelection {

    private LessonSelection() {
    }

    /** A single-module package: every lesson, role variants included, for whoever the LMS enrols. */
    public static List<Lesson> all(Module module) {
        return module.lessons();
    }

    /**
     * A role course: the lessons the role catalogue lists for the module (all shared lessons when it lists none), plus
     * the variants written for this role; in the module's order.
     */
    public static List<Lesson> forRole(Module module, RoleModule taken, String roleId) {
        for (String listed : taken.lessonIds()) {
            if (module.lesson(listed).isEmpty()) {
                throw new PackagingException("roles.yaml: role " + roleId + ": module " + module.id() + " has no lesson '"
                        + listed + "'");
            }
        }
        return module.lessons().stream().filter(lesson -> includes(lesson, taken, roleId)).toList();
    }

    private static boolean includes(Lesson lesson, RoleModule taken, String roleId) {
        if (lesson.roles().contains(roleId)) {
            return true;
        }
        if (taken.lessonIds().isEmpty()) {
            return lesson.roles().isEmpty();
        }
        return taken.lessonIds().contains(lesson.id());
    }
}
