package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;

/**
 * The evidence an auditor asks for (OCR, a payer, an internal investigation), for a period: per person their roles
 * over time, supervisor, hire date, where they stand on each requirement, every result and policy acknowledgement
 * with the statement behind it, remedial actions and the notices sent about them (reminders sent); and the version history of the modules concerned.
 *
 * @param scope    what the package covers, in words: "Whole practice", "Module: ...", "Person: ..."
 * @param unmatchedRecords training records in scope from xAPI identities that are nobody on the roster (not listed)
 * @param statusOn the day statuses are evaluated: the period's last day (today, if the period ends later)
 */
public record AuditPackage(String practice, String scope, ReportPeriod period, LocalDate statusOn, Instant generatedAt,
                           String generatedBy, List<PersonRecord> people, List<ModuleHistory> modules, int resultCount,
                           int remedialCount, int unmatchedRecords) {

    /** The same package under another scope's wording, with the count of records from no one on the roster. */
    public AuditPackage withScope(String scope, int unmatchedRecords) {
        return new AuditPackage(practice, scope, period, statusOn, generatedAt, generatedBy, people, modules, resultCount,
                remedialCount, unmatchedRecords);
    }

    public String generated() {
        return ReportFormat.utc(generatedAt);
    }

    /**
     * @param roles   every role period, with the role's title
     * @param results knowledge-check results, completions, waivers and acknowledgements in the period, oldest first
     */
    public record PersonRecord(Person person, Person.Status status, List<RoleLine> roles, List<ModuleStatus> statuses,
                               List<ResultLine> results, List<RemedialAction> remedialActions, int otherActivity,
                               List<org.hipaatraining.lrs.notifications.Notice> notices) {

        /** "2027-03-01 09:06 UTC" */
        public String noticeTime(org.hipaatraining.lrs.notifications.Notice notice) {
            return ReportFormat.utc(notice.sentAt() == null ? notice.createdAt() : notice.sentAt());
        }
    }

    /** Reminders, assignments and escalations sent about the people in the package, in the period. */
    public int noticeCount() {
        return people.stream().mapToInt(p -> p.notices().size()).sum();
    }

    public record RoleLine(String role, String title, LocalDate from, LocalDate to) {
    }

    /**
     * @param attempt for passes and fails: which knowledge-check attempt this was since the previous completion
     *                (counted within the period), else 0
     */
    public record ResultLine(TrainingEvent event, String moduleTitle, int attempt) {

        public String when() {
            return ReportFormat.utc(event.timestamp());
        }

        /** "Passed", "Acknowledged", ... */
        public String what() {
            String name = event.type().name();
            return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        }

        public String score() {
            return event.scaled() == null ? "" : ReportFormat.percent(event.scaled()) + "%";
        }

        public String policy() {
            return event.policyId() == null ? "" : event.policyId() + (event.policyVersion() == null ? "" : " " + event.policyVersion());
        }
    }

    public record ModuleHistory(String moduleId, String title, String currentVersion, List<ModuleRelease> releases) {
    }
}
