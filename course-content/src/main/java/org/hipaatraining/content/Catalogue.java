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
    private final AuthoredModules authored;

    Catalogue(String iriBase, List<Module> modules, List<Role> roles, List<Topic> topics, Policies policies,
              ContentSource source) {
        this(iriBase, modules, roles, topics, policies, source, AuthoredModules.NONE);
    }

    private Catalogue(String iriBase, List<Module> modules, List<Role> roles, List<Topic> topics, Policies policies,
                      ContentSource source, AuthoredModules authored) {
        this.authored = Objects.requireNonNull(authored, "authored");
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

    /**
     * This catalogue, also resolving the modules a practice authors ({@link #module}, {@link #moduleByIri},
     * {@link #moduleContaining}); {@link #modules()} still lists only the content's.
     */
    public Catalogue withAuthoredModules(AuthoredModules authoredModules) {
        return new Catalogue(iriBase, modules, roles, topics, policies, source, authoredModules);
    }

    /** Whether the content lists this module (false for an authored one, and for an unknown id). */
    public boolean lists(String moduleId) {
        return modulesById.containsKey(moduleId);
    }

    /** The base every activity IRI is built on, e.g. {@code https://hipaa-training.org/xapi}. */
    public String iriBase() {
        return iriBase;
    }

    /** Modules in the order learners and admins see them. */
    public List<Module> modules() {
        return modules;
    }

    /** A module of the content, or one a practice authored. */
    public Optional<Module> module(String id) {
        Module listed = modulesById.get(id);
        if (listed != null || id == null) {
            return Optional.ofNullable(listed);
        }
        return authored.module(id);
    }

    /** The module whose activity IRI this is; how the LRS maps an xAPI activity id to a module. */
    public Optional<Module> moduleByIri(String iri) {
        Module listed = modulesByIri.get(iri);
        if (listed != null || iri == null) {
            return Optional.ofNullable(listed);
        }
        String prefix = iriBase + "/activities/module/";
        if (!iri.startsWith(prefix) || iri.indexOf('/', prefix.length()) >= 0) {
            return Optional.empty();
        }
        return authored.module(iri.substring(prefix.length())).filter(m -> m.iri().equals(iri));
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
        String prefix = iriBase + "/activities/module/";
        if (activityIri == null || !activityIri.startsWith(prefix)) {
            return Optional.empty();
        }
        int slash = activityIri.indexOf('/', prefix.length());
        return moduleByIri(slash < 0 ? activityIri : activityIri.substring(0, slash));
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
