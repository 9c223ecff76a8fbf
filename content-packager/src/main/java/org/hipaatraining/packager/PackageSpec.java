package org.hipaatraining.packager;

import java.util.Objects;
import java.util.regex.Pattern;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;

/**
 * What a package holds: a role's course (the role's modules in the role catalogue's order, each its own SCO / AU, with
 * only the lessons the role takes) or a single module (every lesson).
 *
 * @param kind whether {@code id} names a role or a module
 * @param id   the role or module id from the catalogue
 */
public record PackageSpec(Kind kind, String id) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public enum Kind { ROLE, MODULE }

    public PackageSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        // Ids end up in file names and zip paths: only catalogue-style ids get that far.
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a catalogue id (lower-case kebab case)");
        }
    }

    public static PackageSpec forRole(String roleId) {
        return new PackageSpec(Kind.ROLE, roleId);
    }

    public static PackageSpec forModule(String moduleId) {
        return new PackageSpec(Kind.MODULE, moduleId);
    }

    public boolean isRole() {
        return kind == Kind.ROLE;
    }

    /** The role this package was built for, or null for a single-module package. */
    public String roleId() {
        return isRole() ? id : null;
    }

    /**
     * The file name a practice manager recognises in a download folder or an LMS upload dialog:
     * {@code hipaa-role-front-desk-scorm12.zip}, {@code hipaa-module-privacy-1.0.0-cmi5.zip}. A module file carries the
     * module version so two releases never overwrite each other; a role course spans several versions, so it does not.
     */
    public String fileName(Catalogue catalogue, PackageFormat format) {
        if (isRole()) {
            return "hipaa-role-" + id + "-" + format.id() + ".zip";
        }
        Module module = catalogue.module(id)
                .orElseThrow(() -> new PackagingException("module '" + id + "' is not in the catalogue"));
        return "hipaa-module-" + id + "-" + module.version() + "-" + format.id() + ".zip";
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
