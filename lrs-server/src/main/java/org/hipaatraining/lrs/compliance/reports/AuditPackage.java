package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.lrs.compliance.SentNotice;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.policies.PracticePolicies;

/**
 * The evidence an auditor asks for (OCR, a payer, an internal investigation), for a period: per person their roles
 * over time, supervisor, hire date, where they stand on each requirement, every result and policy acknowledgement
 * with the statement behind it, remedial actions and the notices sent about them (reminders sent); and the version history of the modules concerned.
 *
 * @param practice the practice, with its privacy and security officers, as set up when the package was made
 * @param scope    what the package covers, in words: "Whole practice", "Module: ...", "Person: ..."
 * @param unmatchedRecords training records in scope from xAPI identities that are nobody on the roster (not listed)
 * @param statusOn the day statuses are evaluated: the period's last day (today, if the period ends later)
 */
public record AuditPackage(PracticeProfile practice, String scope, ReportPeriod period, LocalDate statusOn, Instant generatedAt,
                           String generatedBy, List<PersonRecord> people, List<ModuleHistory> modules,
                           List<PolicyAcknowledged> policies, int resultCount, int remedialCount, int unmatchedRecords,
                           List<TriggerEventLine> triggerEvents) {

    public AuditPackage {
        triggerEvents = triggerEvents == null ? List.of() : List.copyOf(triggerEvents);
    }

    /** The same package under another scope's wording, with the count of records from no one on the roster. */
    public AuditPackage withScope(String scope, int unmatchedRecords) {
        return new AuditPackage(practice, scope, period, statusOn, generatedAt, generatedBy, people, modules, policies,
                resultCount, remedialCount, unmatchedRecords, triggerEvents);
    }

    /**
     * A trigger event of the period: what happened, whom it concerns, what they take, and for a micro-lesson its
     * text and questions, who among the people in the package has passed it and who has not yet.
     *
     * @param concerns     "Everyone", role titles, "2 named people"
     * @param moduleTitles the catalogue modules it assigns
     */
    public record TriggerEventLine(org.hipaatraining.lrs.compliance.triggers.TriggerEvent event, String concerns,
                                   List<String> moduleTitles, List<LessonCompletion> completedBy, List<String> notYet) {
    }

    /** Someone who passed an event's micro-lesson: when, with what score, and the statement behind it. */
    public record LessonCompletion(String name, LocalDate completedOn, Double scaled, String statementId) {

        public String score() {
            return scaled == null ? "" : ReportFormat.percent(scaled) + "%";
        }
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
                               List<SentNotice> notices) {

        /** "2027-03-01 09:06 UTC" */
        public String noticeTime(SentNotice notice) {
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
     * @param attempt     for passes and fails: which knowledge-check attempt this was since the previous completion
     *                    (counted within the period), else 0
     * @param policyCheck for acknowledgements: how the reported SHA-256 compares with the text held for the version
     */
    public record ResultLine(TrainingEvent event, String moduleTitle, int attempt, PracticePolicies.Check policyCheck) {

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

        /** The start of the reported SHA-256 and whether it matches: the full hash is in the policy list. */
        public String policyHash() {
            if (policyCheck == null) {
                return "";
            }
            String hash = event.policySha256() == null ? "" : "SHA-256 " + event.policySha256().substring(0,
                    Math.min(12, event.policySha256().length())) + "…, ";
            return hash + PolicyAcknowledged.words(policyCheck);
        }
    }

    /**
     * A policy version acknowledged in the period (one line per set of sections shown), with the fingerprint of the
     * text this LRS holds for it and how the learners' reported fingerprints compare.
     *
     * @param sections the sections shown; empty: the whole policy
     * @param sha256   SHA-256 of the text shown, from the stored version; null when this LRS does not hold the version
     */
    public record PolicyAcknowledged(String policyId, String version, String title, LocalDate effectiveDate,
                                     List<String> sections, String sha256, int acknowledgements, int matching,
                                     int differing, int notReported) {

        public String shown() {
            return sections.isEmpty() ? "whole policy" : String.join(", ", sections);
        }

        /** How the acknowledgements' fingerprints compare, in words. */
        public String verdict() {
            if (sha256 == null) {
                return "text of this version not held by this LRS";
            }
            List<String> parts = new java.util.ArrayList<>();
            if (matching > 0) {
                parts.add(matching + " match");
            }
            if (differing > 0) {
                parts.add(differing + " differ");
            }
            if (notReported > 0) {
                parts.add(notReported + " reported no fingerprint");
            }
            return String.join(", ", parts);
        }

        static String words(PracticePolicies.Check check) {
            return switch (check) {
                case MATCHES -> "matches the stored text";
                case DIFFERS -> "does NOT match the stored text";
                case NOT_REPORTED -> "no fingerprint reported";
                case VERSION_UNKNOWN -> "version not held by this LRS";
            };
        }
    }

    public record ModuleHistory(String moduleId, String title, String currentVersion, List<ModuleRelease> releases) {
    }
}
