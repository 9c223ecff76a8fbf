package org.hipaatraining.lrs.compliance.requirements;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The practice's training requirements: per role, and how long people have to retrain after a material change.
 *
 * @param retrainingDays   days after a material module release within which everyone who takes the module must retrain
 * @param onboardingWindow the practice's window for a new hire's first training, which then wins over the roles'
 *                         {@code onboardingDays} for the roles held from the hire date; null while the practice has
 *                         chosen none
 */
public record Requirements(Map<String, RoleRequirement> roles, int retrainingDays, OnboardingWindow onboardingWindow) {

    public static final int DEFAULT_RETRAINING_DAYS = 30;

    public Requirements {
        roles = Map.copyOf(roles);
    }

    /** Without a practice onboarding window: every role's own onboarding days apply. */
    public Requirements(Map<String, RoleRequirement> roles, int retrainingDays) {
        this(roles, retrainingDays, null);
    }

    public Optional<RoleRequirement> role(String roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    /** The requirements of these roles that include a module. */
    public List<RoleRequirement> requiring(Collection<String> roleIds, String moduleId) {
        return roleIds.stream().map(roles::get).filter(r -> r != null && r.modules().contains(moduleId)).toList();
    }
}
