package org.hipaatraining.lrs.compliance.remediation;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a supervisor or officer did after someone failed a knowledge check or broke a policy (coaching, a one-to-one
 * review, a sanction), recorded for the audit trail.
 */
@Document(RemedialActionStore.ACTIONS)
public record RemedialAction(@Id String id, String personId, String moduleId, LocalDate date, String action,
                             String recordedBy, Instant recordedAt) {
}
