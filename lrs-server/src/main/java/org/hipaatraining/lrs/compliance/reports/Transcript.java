package org.hipaatraining.lrs.compliance.reports;

import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;

/**
 * A person's training record: today's statuses, every training event module by module with a link to the statement
 * behind it, and remedial actions. What an auditor asks for about one person.
 *
 * @param statementsUrl the xAPI query for all of the person's statements (for a client with a read credential)
 */
public record Transcript(Person person, LocalDate asOf, List<ModuleStatus> statuses, List<ModuleRecord> modules,
                         List<RemedialAction> remedialActions, List<String> statementsUrls) {

    public record ModuleRecord(String moduleId, String title, List<Entry> events) {
    }

    /** One event and where its statement is: {@code GET /xapi/statements?statementId=...}. */
    public record Entry(TrainingEvent event, String statementUrl) {
    }
}
