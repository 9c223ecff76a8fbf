package org.hipaatraining.lrs.lti;

import java.util.List;
import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;

/**
 * What an LMS link opens: one module, or a role's course (its modules in the role's order).
 *
 * @param kind {@code module} or {@code role}
 * @param id   the catalogue id of the module or role
 */
public record LaunchTarget(String kind, String id) {

    public static final String MODULE = "module";
    public static final String ROLE = "role";

    public static LaunchTarget module(String moduleId) {
        return new LaunchTarget(MODULE, moduleId);
    }

    public static LaunchTarget role(String roleId) {
        return new LaunchTarget(ROLE, roleId);
    }

    /** From a link's custom parameters: {@code module} wins over {@code role}; either must name a catalogue entry. */
    static Optional<LaunchTarget> fromCustom(Catalogue catalogue, String module, String role) {
        if (module != null && !module.isBlank()) {
            String id = module.trim();
            if (catalogue.module(id).isEmpty()) {
                throw LtiException.badRequest("this link asks for module '" + id + "', which is not in the course catalogue");
            }
            return Optional.of(module(id));
        }
        if (role != null && !role.isBlank()) {
            String id = role.trim();
            if (catalogue.role(id).isEmpty()) {
                throw LtiException.badRequest("this link asks for role '" + id + "', which is not in the course catalogue");
            }
            return Optional.of(role(id));
        }
        return Optional.empty();
    }

    public boolean isRole() {
        return ROLE.equals(kind);
    }

    /** The course id a {@link CourseLauncher} gets: {@code role:front-desk} or {@code module:privacy}. */
    public String courseId() {
        return kind + ":" + id;
    }

    /** The modules whose passes count for this link's grade. */
    public List<String> moduleIds(Catalogue catalogue) {
        return isRole() ? catalogue.role(id).map(Role::moduleIds).orElse(List.of()) : List.of(id);
    }

    public String title(Catalogue catalogue) {
        return isRole() ? catalogue.role(id).map(Role::title).orElse(id)
                : catalogue.module(id).map(m -> m.title()).orElse(id);
    }
}
