package org.hipaatraining.lrs.compliance.requirements;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The practice's training requirements: per role, and how long people have to retrain after a material change.
 *
 * @param retrainingDays days after a material module release within which everyone who takes the module must retrain
 */
public record Requirements(Map<String, RoleRequirement> roles, int retrainingDays) {

    public static final int DEFAULT_RETRAINING_DAYS = 30;

    public Requirements {
        roles = Map.copyOf(roles);
    }

    public Optional<RoleRequirement> role(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    /** The requirements of these roles that include a module. */
    public List<RoleRequirement> requiring(Collection<String> roleIds, String moduleId) {
        return roleIds.stream().map(roles::get).filter(r -> r != null && r.modules().contains(moduleId)).toList();
    }
}
