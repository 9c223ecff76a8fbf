package org.hipaatraining.lrs.compliance;

import java.util.Set;

/**
 * Something the statuses depend on has changed: some people's training records or roster entry ({@code personIds},
 * {@code agentKeys} for records not yet matched to a person), or something that concerns everyone (requirements,
 * a module release, a rebuild). Published synchronously, so the statuses are brought up to date before the change is
 * acknowledged; a failure there fails the change's own transaction step (a statement batch is then retried).
 */
public record ComplianceInputsChanged(Set<String> personIds, Set<String> agentKeys, boolean everyone) {

    public static ComplianceInputsChanged people(Set<String> personIds) {
        return new ComplianceInputsChanged(Set.copyOf(personIds), Set.of(), false);
    }

    public static ComplianceInputsChanged agents(Set<String> agentKeys) {
        return new ComplianceInputsChanged(Set.of(), Set.copyOf(agentKeys), false);
    }

    public static ComplianceInputsChanged forEveryone() {
        return new ComplianceInputsChanged(Set.of(), Set.of(), true);
    }
}
