package org.hipaatraining.content;

import java.util.List;

/**
 * A workforce role and its training defaults, which a practice can change in the LRS.
 *
 * @param onboardingDays         days after hire (or after taking up the role) to complete its modules
 * @param refresherMonths        months a completion stays current
 * @param reminders              the reminder modules, in the order they are due
 * @param reminderIntervalMonths months between reminders
 */
public record Role(String id, String title, String description, List<RoleModule> modules, int onboardingDays,
                   int refresherMonths, List<String> reminders, int reminderIntervalMonths) {

    public Role {
        modules = List.copyOf(modules);
        reminders = List.copyOf(reminders);
    }

    public List<String> moduleIds() {
        return modules.stream().map(RoleModule::moduleId).toList();
    }
}
