package org.hipaatraining.lrs.compliance.status;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Today's counts for the overview, from two aggregations over the kept statuses (not a read of every person).
 *
 * @param people  current people (departed aside)
 * @param onLeave of them, on leave today
 * @param totals  requirements in each state, everyone together
 * @param overdue requirements overdue for people not on leave (the follow-up list's size)
 * @param byRole  for each role and requirement it imposes, how many people are in each state
 */
public record StatusCounts(int people, int onLeave, Map<ComplianceState, Integer> totals, int requirementsInForce,
                           int overdue, Map<String, Map<String, Map<ComplianceState, Integer>>> byRole) {

    static StatusCounts empty() {
        return new StatusCounts(0, 0, new EnumMap<>(ComplianceState.class), 0, 0, new TreeMap<>());
    }

    /** Adds {@code n} statuses of one kind: a requirement in a state, imposed by some roles. */
    StatusCounts add(Iterable<String> requiredBy, String requirement, ComplianceState state, boolean overdueNotOnLeave, int n) {
        totals.merge(state, n, Integer::sum);
        for (String role : requiredBy) {
            byRole.computeIfAbsent(role, r -> new LinkedHashMap<>())
                    .computeIfAbsent(requirement, r -> new EnumMap<>(ComplianceState.class))
                    .merge(state, n, Integer::sum);
        }
        return new StatusCounts(people, onLeave, totals, requirementsInForce + n, overdue + (overdueNotOnLeave ? n : 0), byRole);
    }

    /** The same counts, read-only: shared by every viewer of a cached overview. */
    StatusCounts frozen() {
        Map<String, Map<String, Map<ComplianceState, Integer>>> roles = new LinkedHashMap<>();
        byRole.forEach((role, requirements) -> {
            Map<String, Map<ComplianceState, Integer>> byRequirement = new LinkedHashMap<>();
            requirements.forEach((requirement, states) -> byRequirement.put(requirement, Collections.unmodifiableMap(new EnumMap<>(states))));
            roles.put(role, Collections.unmodifiableMap(byRequirement));
        });
        return new StatusCounts(people, onLeave, Collections.unmodifiableMap(new EnumMap<>(totals)), requirementsInForce, overdue,
                Collections.unmodifiableMap(roles));
    }

    StatusCounts withPeople(int people, int onLeave) {
        return new StatusCounts(people, onLeave, totals, requirementsInForce, overdue, byRole);
    }
}
