package org.hipaatraining.lrs.forwarding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;

/**
 * The webhook events between what was last announced about a person and their statuses now: a pure function, so
 * that every instance, and the periodic check, finds the same events with the same ids.
 */
final class ComplianceChanges {

    private ComplianceChanges() {
    }

    /**
     * What was announced about a person: each requirement's state and counting completion, and the overdue ones.
     *
     * @param version    the kept statuses' input version it was made from
     * @param computedOn the day they were computed for
     */
    record Announced(String personId, long version, String computedOn, Map<String, String> states,
                     Map<String, String> completions, Set<String> overdue) {

        static Announced of(KeptStatus kept) {
            Map<String, String> states = new LinkedHashMap<>();
            Map<String, String> completions = new LinkedHashMap<>();
            Set<String> overdue = new LinkedHashSet<>();
            for (ModuleStatus s : kept.statuses()) {
                states.put(s.requirement(), s.state().name());
                if (s.completionStatementId() != null) {
                    completions.put(s.requirement(), s.completionStatementId());
                }
                if (s.overdue() && !s.onLeave()) {
                    overdue.add(s.requirement());
                }
            }
            return new Announced(kept.personId(), kept.version(), kept.computedOn().toString(), states, completions, overdue);
        }

        /** The same states, completions and overdue requirements (whatever the version). */
        boolean sameAs(Announced other) {
            return other != null && states.equals(other.states) && completions.equals(other.completions)
                    && overdue.equals(other.overdue);
        }

        boolean compliant() {
            return !states.isEmpty() && states.values().stream().allMatch(ComplianceState.COMPLIANT.name()::equals);
        }

        /** Whether {@code kept} was computed from older inputs than this (a late, slower recomputation). */
        boolean newerThan(KeptStatus kept) {
            return version > kept.version() || version == kept.version() && computedOn.compareTo(kept.computedOn().toString()) > 0;
        }
    }

    /** The events from {@code before} (null: the person was never announced) to {@code now}, all stamped {@code at}. */
    static List<ComplianceEvent> between(Announced before, KeptStatus now, Instant at) {
        List<ComplianceEvent> events = new ArrayList<>();
        Announced after = Announced.of(now);
        if (before == null) {
            events.add(event(now, ComplianceEventType.PERSON_ADDED, null, overall(after), null, at));
            before = new Announced(now.personId(), -1, "", Map.of(), Map.of(), Set.of());
        }
        for (ModuleStatus s : now.statuses()) {
            String requirement = s.requirement();
            String was = before.states().get(requirement);
            if (s.state() == ComplianceState.COMPLIANT && (!ComplianceState.COMPLIANT.name().equals(was)
                    || !java.util.Objects.equals(before.completions().get(requirement), s.completionStatementId()))) {
                events.add(event(now, ComplianceEventType.REQUIREMENT_COMPLETED, requirement, s.state().name(), s.dueDate(), at));
            }
            if (s.state() == ComplianceState.FAILED && !ComplianceState.FAILED.name().equals(was)) {
                events.add(event(now, ComplianceEventType.REQUIREMENT_FAILED, requirement, s.state().name(), s.dueDate(), at));
            }
            if (after.overdue().contains(requirement) && !before.overdue().contains(requirement)) {
                events.add(event(now, ComplianceEventType.PERSON_OVERDUE, requirement, s.state().name(), s.dueDate(), at));
            }
        }
        if (after.compliant() && !before.compliant()) {
            events.add(event(now, ComplianceEventType.PERSON_COMPLIANT, null, overall(after), null, at));
        }
        return events;
    }

    private static String overall(Announced a) {
        return a.compliant() ? "COMPLIANT" : "NOT_COMPLIANT";
    }

    private static ComplianceEvent event(KeptStatus person, ComplianceEventType type, String requirement, String state,
                                         java.time.LocalDate due, Instant at) {
        // the same change computed again (another instance, the periodic check, a replay) has the same id
        String key = person.personId() + "|" + type + "|" + requirement + "|" + person.version() + "|" + person.computedOn();
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new ComplianceEvent(id, type, at, person.personId(), person.email(), person.employeeId(), requirement, state, due);
    }
}
