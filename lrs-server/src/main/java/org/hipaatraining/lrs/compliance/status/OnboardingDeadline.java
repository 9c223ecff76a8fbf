package org.hipaatraining.lrs.compliance.status;

import java.time.LocalDate;

import org.hipaatraining.lrs.compliance.requirements.OnboardingWindow;
import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * When a module someone has never completed is first due.
 * <ul>
 *   <li>A new hire's first training (the roles they hold from their hire date) is due the hire date plus the practice's
 *       onboarding window, once the practice has chosen one on the set-up page (or in {@code lrs.practice.*}).</li>
 *   <li>Otherwise, and for a role taken up later (a role change), the role's own {@code onboardingDays} after it began.</li>
 * </ul>
 *
 * @param due          the deadline
 * @param beforeAccess the deadline is a new hire's and the practice requires the training before access to PHI systems
 */
public record OnboardingDeadline(LocalDate due, boolean beforeAccess) {

    /**
     * @param assignedOn the day the person took up the first role requiring the module
     * @param roleDays   the shortest onboarding days of the roles requiring it
     * @param practice   the practice's window, or null when it has chosen none
     */
    public static OnboardingDeadline of(Person person, LocalDate assignedOn, int roleDays, OnboardingWindow practice) {
        LocalDate hired = person.hireDate();
        boolean firstTraining = hired != null && !assignedOn.isAfter(hired);
        if (practice == null || !firstTraining) {
            return new OnboardingDeadline(assignedOn.plusDays(roleDays), false);
        }
        return new OnboardingDeadline(hired.plusDays(practice.days()), practice.beforeAccess());
    }
}
