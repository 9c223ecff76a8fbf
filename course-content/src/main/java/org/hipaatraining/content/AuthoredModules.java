package org.hipaatraining.content;

import java.util.Optional;

/**
 * Modules a practice authors outside the content folder (a trigger event's micro-lesson), which the catalogue resolves
 * by id and activity IRI like its own but never lists: they are nobody's role requirement.
 */
@FunctionalInterface
public interface AuthoredModules {

    /** No authored modules. */
    AuthoredModules NONE = id -> Optional.empty();

    /** The authored module with this id; asked only for ids the catalogue does not list. */
    Optional<Module> module(String id);
}
