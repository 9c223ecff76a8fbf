package org.hipaatraining.lrs.compliance.remediation;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a supervisor or officer did after someone failed a knowledge check or broke a policy (retraining, coaching, a
 * sanction under the practice's sanction policy), recorded for the audit trail.
 *
 * @param kind   what sort of action; null on actions recorded before it was asked
 * @param action what was done, in the recorder's words
 */
@Document(RemedialActionStore.ACTIONS)
public record RemedialAction(@Id String id, String personId, String moduleId, LocalDate date, Kind kind, String action,
                             String recordedBy, Instant recordedAt) {

    /** The sorts of remedial action a practice records. */
    public enum Kind {
        RETRAINING("Retraining"),
        COACHING("Coaching"),
        SANCTION("Sanction (sanction policy, 45 CFR 164.530(e))"),
        OTHER("Other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kind as the pages and the audit package show it. */
    public String kindLabel() {
        return kind == null ? "—" : kind.label();
    }
}
