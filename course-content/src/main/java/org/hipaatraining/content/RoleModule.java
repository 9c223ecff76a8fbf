package org.hipaatraining.content;

import java.util.List;

/**
 * A module a role takes.
 *
 * @param lessonIds the lessons of it the role takes; empty means all of them
 */
public record RoleModule(String moduleId, List<String> lessonIds) {

    public RoleModule {
        lessonIds = List.copyOf(lessonIds);
    }
}
