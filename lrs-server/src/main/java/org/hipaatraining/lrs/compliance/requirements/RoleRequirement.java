package org.hipaatraining.lrs.compliance.requirements;

import java.util.List;

/**
 * What one role must take, as this practice has set it (the catalogue's defaults unless overridden).
 *
 * @param onboardingDays         days after someone takes up the role within which its modules are due
 * @param refresherMonths        months a completion stays valid before the module is due again
 * @param reminders              the reminder modules, taken in turn
 * @param reminderIntervalMonths months between security reminders (0: none)
 */
public record RoleRequirement(String roleId, String title, List<String> modules, int onboardingDays, int refresherMonths,
                              List<String> reminders, int reminderIntervalMonths, boolean overridden) {

    public RoleRequirement {
        modules = List.copyOf(modules);
        reminders = List.copyOf(reminders);
    }
}
