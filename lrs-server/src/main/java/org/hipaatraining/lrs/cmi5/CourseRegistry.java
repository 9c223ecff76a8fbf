package org.hipaatraining.lrs.cmi5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.policies.PracticePolicies;
import org.hipaatraining.packager.PackageBuilder;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSpec;
import org.springframework.stereotype.Service;

/**
 * The cmi5 courses this LRS launches. Our own: {@code role-{roleId}} (a role's course, one AU per module) and
 * {@code module-{moduleId}} (one module), built from the catalogue with content-packager, with the practice's policies
 * in force, on first use and rebuilt when the catalogue or a policy changes (builds are deterministic, so an unchanged
 * hash means nothing to do). Others: cmi5 zips an admin
 * uploads under an id of their choice. Generated activity ids depend only on the course id and the publisher's ids, so
 * they survive re-imports.
 */
@Service
class CourseRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final String CATALOGUE = "catalogue";
    static final String UPLOAD = "upload";

    private final CourseStore courses;
    private final ContentStore content;
    private final PackageImport imports;
    private final Catalogue catalogue;
    private final Clock clock;
    private final PracticePolicies policies;
    /** Catalogue courses this instance has checked against a fresh build, with the policies and the build's hash. */
    private final Map<String, String> checked = new ConcurrentHashMap<>();

    CourseRegistry(CourseStore courses, ContentStore content, PackageImport imports, Catalogue catalogue,
                   PracticePolicies policies, Clock clock) {
        this.policies = policies;
        this.courses = courses;
        this.content = content;
        this.imports = imports;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The course with this id; catalogue courses are imported (or brought up to date) on first use. */
    CourseStore.Cmi5Course course(String id) {
        Optional<PackageSpec> spec = catalogueSpec(id);
        if (spec.isPresent()) {
            return catalogueCourse(id, spec.get());
        }
        return courses.find(id).orElseThrow(() -> Cmi5Exception.notFound("courseId: no cmi5 course '" + id
                + "'; upload it to /api/cmi5/courses, or use role-{roleId} or module-{moduleId} for the catalogue's"));
    }

    /**
     * A course's structure as imported, without bringing a catalogue course up to date first: what a statement's side
     * effects need (the structure does not change with a policy version, and a rebuild belongs to a launch).
     */
    CourseStructure structure(String id) {
        return courses.find(id).map(CourseStore.Cmi5Course::structure).orElseGet(() -> course(id).structure());
    }

    List<CourseStore.Cmi5Course> imported() {
        return courses.all();
    }

    /** The ids of the catalogue's courses, imported or not. */
    List<String> catalogueIds() {
        List<String> ids = new ArrayList<>();
        catalogue.roles().stream().map(Role::id).forEach(r -> ids.add("role-" + r));
        catalogue.modules().stream().map(Module::id).forEach(m -> ids.add("module-" + m));
        return ids;
    }

    /** Imports an uploaded zip under {@code id}, replacing an earlier upload with that id. */
    CourseStore.Cmi5Course upload(Path zip, String id, String fileName, String user) {
        String courseId = id == null || id.isBlank() ? idFromFileName(fileName) : id.trim();
        if (!ID.matcher(courseId).matches()) {
            throw new Cmi5Exception("courseId: '" + courseId + "' must be lower-case kebab case, e.g. fire-safety-2026");
        }
        if (courseId.startsWith("role-") || courseId.startsWith("module-")) {
            throw Cmi5Exception.conflict("courseId: ids starting with role- or module- are the catalogue's courses; "
                    + "choose another id");
        }
        Optional<CourseStore.Cmi5Course> existing = courses.find(courseId);
        PackageImport.Imported imported = imports.importZip(zip, courseId);
        CourseStore.Cmi5Course course = new CourseStore.Cmi5Course(courseId, UPLOAD, imported.structure(),
                imported.contentKey(), imported.sha256(), fileName, clock.instant(), user);
        courses.replace(course);
        existing.filter(e -> !e.contentKey().equals(imported.contentKey())).ifPresent(e -> content.delete(e.contentKey()));
        return course;
    }

    private CourseStore.Cmi5Course catalogueCourse(String id, PackageSpec spec) {
        Optional<CourseStore.Cmi5Course> stored = courses.find(id);
        PracticePolicies.Current current = policies.current();
        if (stored.isPresent() && (current.key() + stored.get().sha256()).equals(checked.get(id))) {
            return stored.get();
        }
        Path zip = null;
        try {
            zip = Files.createTempFile("cmi5-" + id, ".zip");
            Files.write(zip, new PackageBuilder().build(catalogue, current.policies(), spec, PackageFormat.CMI5));
            String sha256 = PackageImport.sha256(zip);
            if (stored.isPresent() && stored.get().sha256().equals(sha256)) {
                checked.put(id, current.key() + sha256);
                return stored.get();
            }
            PackageImport.Imported imported = imports.importZip(zip, id);
            CourseStore.Cmi5Course course = new CourseStore.Cmi5Course(id, CATALOGUE, imported.structure(),
                    imported.contentKey(), sha256, spec.fileName(catalogue, PackageFormat.CMI5), clock.instant(), null);
            courses.replace(course);
            stored.filter(s -> !s.contentKey().equals(course.contentKey())).ifPresent(s -> content.delete(s.contentKey()));
            checked.put(id, current.key() + sha256);
            return course;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the catalogue course " + id + ": " + e.getMessage(), e);
        } finally {
            if (zip != null) {
                zip.toFile().delete();
            }
        }
    }

    private Optional<PackageSpec> catalogueSpec(String id) {
        if (id.startsWith("role-") && catalogue.role(id.substring("role-".length())).isPresent()) {
            return Optional.of(PackageSpec.forRole(id.substring("role-".length())));
        }
        if (id.startsWith("module-") && catalogue.module(id.substring("module-".length())).isPresent()) {
            return Optional.of(PackageSpec.forModule(id.substring("module-".length())));
        }
        return Optional.empty();
    }

    private static String idFromFileName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll("(?i)\\.zip$", "");
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new Cmi5Exception("courseId: required when the upload has no file name");
        }
        return slug;
    }
}
