package org.hipaatraining.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HIPAA course catalogue: modules, roles and topics, read from a content folder in the format described in
 * docs/content-format.md. The one API both the packager and the LRS read content through.
 *
 * <pre>{@code
 * Catalogue catalogue = Catalogue.loadDefault();
 * Module privacy = catalogue.module("privacy").orElseThrow();
 * catalogue.moduleByIri("https://hipaa-training.org/xapi/activities/module/privacy");
 * }</pre>
 */
public final class Catalogue {

    private final String iriBase;
    private final List<Module> modules;
    private final Map<String, Module> modulesById = new LinkedHashMap<>();
    private final Map<String, Module> modulesByIri = new LinkedHashMap<>();
    private final List<Role> roles;
    private final List<Topic> topics;
    private final Policies policies;
    private final ContentSource source;

    Catalogue(String iriBase, List<Module> modules, List<Role> roles, List<Topic> topics, Policies policies,
              ContentSource source) {
        this.iriBase = iriBase;
        this.modules = List.copyOf(modules);
        this.roles = List.copyOf(roles);
        this.topics = List.copyOf(topics);
        this.policies = policies;
        this.source = source;
        for (Module module : modules) {
            modulesById.put(module.id(), module);
            modulesByIri.put(module.iri(), module);
        }
    }

    /** The catalogue packaged in the course-content jar. */
    public static Catalogue loadDefault() {
        return new CatalogueLoader(ContentSource.classpath("/content/")).load();
    }

    /** A catalogue from a content folder (one with catalogue.yaml at its top). */
    public static Catalogue load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new CatalogueLoader(ContentSource.directory(folder.toAbsolutePath())).load();
    }

    /** The base every activity IRI is built on, e.g. {@code https://hipaa-training.org/xapi}. */
    public String iriBase() {
        return iriBase;
    }

    /** Modules in the order learners and admins see them. */
    public List<Module> modules() {
        return modules;
    }

    public Optional<Module> module(String id) {
        return Optional.ofNullable(modulesById.get(id));
    }

    /** The module whose activity IRI this is; how the LRS maps an xAPI activity id to a module. */
    public Optional<Module> moduleByIri(String iri) {
        return Optional.ofNullable(modulesByIri.get(iri));
    }

    /**
     * The module an activity belongs to: the module itself, or one of its lessons, questions or its attestation
     * (their IRIs extend the module's).
     */
    public Optional<Module> moduleContaining(String activityIri) {
        Module exact = modulesByIri.get(activityIri);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = activityIri.indexOf('/', (iriBase + "/activities/module/").length());
        if (!activityIri.startsWith(iriBase + "/activities/module/") || slash < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(modulesByIri.get(activityIri.substring(0, slash)));
    }

    /** The activity IRI of a role's course (the package of the role's modules). */
    public String roleIri(String roleId) {
        return iriBase + "/activities/role/" + roleId;
    }

    public List<Role> roles() {
        return roles;
    }

    public Optional<Role> role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst();
    }


    public List<Topic> topics() {
        return topics;
    }

    /** The model policies the modules' acknowledgements cite (policies.yaml); a practice may publish its own versions. */
    public Policies policies() {
        return policies;
    }

    public Optional<Policy> policy(String id) {
        return policies.get(id);
    }

    /** The bytes of one of a module's image files, by its path relative to the module folder. */
    public byte[] asset(Module module, String relativePath) {
        if (!module.assets().contains(relativePath)) {
            throw new ContentException("modules/" + module.id() + "/" + relativePath + ": not an image any lesson uses");
        }
        return source.read("modules/" + module.id() + "/" + relativePath);
    }

    /** Every activity IRI the catalogue defines: modules, lessons, questions, attestations and role courses. */
    public List<String> activityIris() {
        List<String> iris = new ArrayList<>();
        for (Module module : modules) {
            iris.add(module.iri());
            module.lessons().forEach(l -> iris.add(l.iri()));
            module.questions().forEach(q -> iris.add(q.iri()));
            if (module.attestation() != null) {
                iris.add(module.attestation().iri());
            }
        }
        roles.forEach(r -> iris.add(roleIri(r.id())));
        return iris;
    }
}
