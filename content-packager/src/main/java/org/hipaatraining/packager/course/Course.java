package org.hipaatraining.packager.course;

import java.util.List;

import org.hipaatraining.packager.PackageSpec;

/**
 * Everything one package holds, in the terms every format shares; the manifest writers only translate it.
 *
 * @param iri         the package's top activity: the role course IRI, or the module IRI of a single-module package
 * @param roleId      the role the course was built for; null for a single-module package
 * @param courseIri   the role course IRI the player puts in context grouping; null for a single-module package
 * @param title       what the LMS shows for the package
 * @param description one or two sentences for the LMS catalogue
 * @param modules     the modules in the order learners take them
 */
public record Course(PackageSpec spec, String iri, String roleId, String courseIri, String title, String description,
                     List<CourseModule> modules) {

    public Course {
        modules = List.copyOf(modules);
    }

    /** A stable identifier for XML ids ({@code identifier}, {@code ID}): ids are kebab case, so this is valid NCName. */
    public String identifier() {
        return "hipaa-" + spec.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + spec.id();
    }
}
