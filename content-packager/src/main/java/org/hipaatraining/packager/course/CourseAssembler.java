package org.hipaatraining.packager.course;

import java.util.ArrayList;
import java.util.List;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Policies;
import org.hipaatraining.content.PolicyExcerpt;
import org.hipaatraining.content.Role;
import org.hipaatraining.content.RoleModule;
import org.hipaatraining.packager.PackageSpec;
import org.hipaatraining.packager.PackagingException;
import org.hipaatraining.packager.html.LessonProcessor;

/**
 * Reads what a {@link PackageSpec} asks for out of the catalogue: the modules, their selected and processed lessons,
 * and the part of each cited policy the acknowledgement shows.
 */
public final class CourseAssembler {

    private final Catalogue catalogue;
    private final Policies policies;
    private final LessonProcessor lessons;

    /** An assembler using the catalogue's model policies. */
    public CourseAssembler(Catalogue catalogue) {
        this(catalogue, catalogue.policies());
    }

    /** An assembler using these policies (a practice's own) for the acknowledgements. */
    public CourseAssembler(Catalogue catalogue, Policies policies) {
        this.catalogue = catalogue;
        this.policies = policies;
        this.lessons = new LessonProcessor(catalogue);
    }

    public Course assemble(PackageSpec spec) {
        return spec.isRole() ? roleCourse(spec) : moduleCourse(spec);
    }

    private Course roleCourse(PackageSpec spec) {
        Role role = catalogue.role(spec.id())
                .orElseThrow(() -> new PackagingException("role '" + spec.id() + "' is not in roles.yaml"));
        List<CourseModule> modules = new ArrayList<>();
        for (RoleModule taken : role.modules()) {
            Module module = catalogue.module(taken.moduleId())
                    .orElseThrow(() -> new PackagingException("roles.yaml: role " + role.id() + " takes module '"
                            + taken.moduleId() + "', which is not in catalogue.yaml"));
            modules.add(courseModule(module, LessonSelection.forRole(module, taken, role.id())));
        }
        if (modules.isEmpty()) {
            throw new PackagingException("roles.yaml: role " + role.id() + " takes no modules");
        }
        String iri = catalogue.roleIri(role.id());
        return new Course(spec, iri, role.id(), iri, "HIPAA training: " + role.title(), role.description(), modules);
    }

    private Course moduleCourse(PackageSpec spec) {
        Module module = catalogue.module(spec.id())
                .orElseThrow(() -> new PackagingException("module '" + spec.id() + "' is not in catalogue.yaml"));
        return new Course(spec, module.iri(), null, null, module.title(), module.description(),
                List.of(courseModule(module, LessonSelection.all(module))));
    }

    private CourseModule courseModule(Module module, List<Lesson> selected) {
        if (selected.isEmpty()) {
            throw new PackagingException(module.id() + ": no lessons to show");
        }
        return new CourseModule(module, selected.stream().map(lesson -> lessons.process(module, lesson)).toList(),
                policyShown(module));
    }

    private PolicyExcerpt policyShown(Module module) {
        if (module.attestation() == null || policies.all().isEmpty()) {
            return null;
        }
        if (policies.get(module.attestation().policyId()).isEmpty()) {
            throw new PackagingException(module.id() + ": its acknowledgement cites policy "
                    + module.attestation().policyId() + ", which is not among the policies given to the packager");
        }
        return policies.excerptFor(module);
    }
}
