package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One statement's meaning for compliance: who ({@code agentKey}), which module and version, what happened and when.
 * Its id is the statement's id, so a statement gives at most one event, replays are idempotent and voiding the
 * statement removes exactly this event. Events are derived data: {@link RecordsRebuild} recreates them from statements.
 *
 * @param moduleVersion   the version the statement reports (module-version extension), or the version in effect on
 *                        the statement's date when the source does not say ({@code versionInferred})
 * @param satisfies       whether this event alone meets the module's training requirement
 * @param scaled          the knowledge-check score, 0..1, when the statement has one
 * @param source          who sent it: the authority's client key or account name
 * @param rule            the id of the mapping rule that produced it (see statement-mapping.yaml)
 * @param activityIri     the statement's object: the module, one of its parts, or an LMS activity mapped to it
 * @param policySha256    on an acknowledgement: the SHA-256 the player reported of the policy text it showed
 * @param policySections  on an acknowledgement with a SHA-256: the policy's sections shown (empty: the whole policy)
 */
@Document(TrainingEventStore.EVENTS)
public record TrainingEvent(@Id String statementId, String agentKey, String actorName, String moduleId,
                            String moduleVersion, boolean versionInferred, EventType type, boolean satisfies,
                            Double scaled, Instant timestamp, Instant stored, String source, String registration,
                            String policyId, String policyVersion, String rule, String activityIri,
                            String policySha256, List<String> policySections) {
}
