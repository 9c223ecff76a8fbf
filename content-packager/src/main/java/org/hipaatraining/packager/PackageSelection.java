package org.hipaatraining.packager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Role;

/**
 * Which packages {@link PackageBuilder#buildAll} writes: the named roles and modules, or, when nothing is named, a course
 * for every role and a package for every module (what a release publishes).
 *
 * @param roleIds   roles to build a course for
 * @param moduleIds modules to build a single-module package for
 */
public record PackageSelection(Set<String> roleIds, Set<String> moduleIds) {

    public static final PackageSelection EVERYTHING = new PackageSelection(Set.of(), Set.of());

    public PackageSelection {
        roleIds = Set.copyOf(roleIds);
        moduleIds = Set.copyOf(moduleIds);
    }

    public static PackageSelection of(Set<String> roleIds, Set<String> moduleIds) {
        return new PackageSelection(roleIds, moduleIds);
    }

    /** The packages to build, in catalogue order (roles first), so output and progress read the same every time. */
    public List<PackageSpec> specs(Catalogue catalogue) {
        for (String roleId : roleIds) {
            if (catalogue.role(roleId).isEmpty()) {
                throw new PackagingException("role '" + roleId + "' is not in roles.yaml; roles are "
                        + catalogue.roles().stream().map(Role::id).toList());
            }
        }
        for (String moduleId : moduleIds) {
            if (catalogue.module(moduleId).isEmpty()) {
                throw new PackagingException("module '" + moduleId + "' is not in catalogue.yaml; modules are "
                        + catalogue.modules().stream().map(Module::id).toList());
            }
        }
        boolean everything = roleIds.isEmpty() && moduleIds.isEmpty();
        List<PackageSpec> specs = new ArrayList<>();
        for (Role role : catalogue.roles()) {
            if (everything || roleIds.contains(role.id())) {
                specs.add(PackageSpec.forRole(role.id()));
            }
        }
        for (Module module : catalogue.modules()) {
            if (everything || moduleIds.contains(module.id())) {
                specs.add(PackageSpec.forModule(module.id()));
            }
        }
        return specs;
    }
}
