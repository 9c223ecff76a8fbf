package org.hipaatraining.lrs.compliance.status;

import java.time.LocalDate;

/**
 * A module a person must take by a date for a reason other than their roles (a trigger event): from
 * {@code assignedOn} until a completion on or after that day.
 */
public record Assignment(String moduleId, LocalDate assignedOn, LocalDate dueDate, String reason) {
}
