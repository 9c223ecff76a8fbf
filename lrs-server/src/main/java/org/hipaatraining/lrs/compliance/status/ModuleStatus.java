package org.hipaatraining.lrs.compliance.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One person's standing on one requirement (a module, or the rotating security reminders), with the facts behind it.
 *
 * @param requirement          the module id, or {@link StatusCalculator#REMINDERS} for the security reminders
 * @param moduleId             the module to take (for reminders: the next one in turn)
 * @param requiredBy           the person's roles that require it
 * @param assignedOn           when the person took up the first of those roles
 * @param dueDate              when it is (or was) due: onboarding deadline, end of validity, or retraining deadline
 * @param compliantUntil       while compliant, the last day the completion is valid
 * @param completedOn          the completion that counts (or the last one, when it no longer counts)
 * @param completedVersion     the module version of that completion
 * @param completionStatementId the statement that recorded it: the certificate id and the link to the xAPI evidence
 * @param scaled               the knowledge-check score of that completion, 0..1
 * @param attempts             knowledge-check results (passes and fails) in the current cycle
 * @param lastActivity         the newest record of any kind for the requirement
 * @param materialRelease      the material release in effect that completions must postdate, if any
 * @param acknowledgedPolicy   the newest policy acknowledgement: policy id and version, and when
 * @param onLeave              the person is on leave today (kept out of overdue lists)
 * @param reason               why the module is due besides the person's roles: the trigger event, or null
 * @param beforeAccess         the due date is a new hire's onboarding deadline and the practice requires the training
 *                             before the person uses systems holding PHI (pages and exports say so beside the date)
 */
public record ModuleStatus(String personId, String personName, String requirement, String moduleId, String moduleTitle,
                           List<String> requiredBy, ComplianceState state, boolean overdue, LocalDate assignedOn,
                           LocalDate dueDate, LocalDate compliantUntil, LocalDate completedOn, String completedVersion,
                           String completionStatementId, Double scaled, int attempts, Instant lastActivity,
                           String materialRelease, String acknowledgedPolicy, Instant acknowledgedAt, boolean onLeave,
                           String reason, boolean beforeAccess) {

    public ModuleStatus {
        requiredBy = List.copyOf(requiredBy);
    }

    /** A status due for the person's roles alone. */
    public ModuleStatus(String personId, String personName, String requirement, String moduleId, String moduleTitle,
                        List<String> requiredBy, ComplianceState state, boolean overdue, LocalDate assignedOn,
                        LocalDate dueDate, LocalDate compliantUntil, LocalDate completedOn, String completedVersion,
                        String completionStatementId, Double scaled, int attempts, Instant lastActivity,
                        String materialRelease, String acknowledgedPolicy, Instant acknowledgedAt, boolean onLeave) {
        this(personId, personName, requirement, moduleId, moduleTitle, requiredBy, state, overdue, assignedOn, dueDate,
                compliantUntil, completedOn, completedVersion, completionStatementId, scaled, attempts, lastActivity,
                materialRelease, acknowledgedPolicy, acknowledgedAt, onLeave, null, false);
    }

    /** The same status, marked as due before the person may use systems holding PHI. */
    public ModuleStatus withBeforeAccess() {
        return new ModuleStatus(personId, personName, requirement, moduleId, moduleTitle, requiredBy, state, overdue,
                assignedOn, dueDate, compliantUntil, completedOn, completedVersion, completionStatementId, scaled, attempts,
                lastActivity, materialRelease, acknowledgedPolicy, acknowledgedAt, onLeave, reason, true);
    }
}
