package org.hipaatraining.lrs.compliance.status;

import java.util.function.Predicate;

/**
 * Which statuses a list or export shows. Null fields match everything.
 *
 * @param role        only requirements this role imposes
 * @param requirement a module id, or {@link StatusCalculator#REMINDERS}
 * @param overdue     only overdue requirements of people who are not on leave (the follow-up list)
 */
public record StatusFilter(String role, String requirement, ComplianceState state, boolean overdue)
        implements Predicate<ModuleStatus> {

    public static final StatusFilter ALL = new StatusFilter(null, null, null, false);

    public static StatusFilter overdueOnly() {
        return new StatusFilter(null, null, null, true);
    }

    @Override
    public boolean test(ModuleStatus s) {
        return (role == null || s.requiredBy().contains(role))
                && (requirement == null || s.requirement().equals(requirement))
                && (state == null || s.state() == state)
                && (!overdue || (s.overdue() && !s.onLeave()));
    }
}
