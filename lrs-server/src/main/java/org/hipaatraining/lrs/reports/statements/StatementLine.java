package org.hipaatraining.lrs.reports.statements;

import java.time.Instant;

/**
 * A statement as one readable line: "Ana Reyes passed HIPAA Privacy Rule essentials 1.1.0, 86%, via Clinic Moodle,
 * 3 Dec 2026 14:02 UTC".
 *
 * @param personId the roster person the actor is, or null for someone not on the roster
 * @param result   the score as a percentage, or correct / not correct, or empty
 * @param source   the name of the xAPI client that sent it (its key when it has no name)
 */
record StatementLine(String id, String who, String personId, String verb, String object, String result, String source,
                     Instant timestamp, Instant stored, String registration, boolean voided) {

    public String when() {
        return StatementDescriber.WHEN.format(timestamp);
    }

    /** The whole line as one sentence. */
    public String sentence() {
        StringBuilder line = new StringBuilder(who).append(' ').append(verb).append(' ').append(object);
        if (!result.isEmpty()) {
            line.append(", ").append(result);
        }
        if (!source.isEmpty()) {
            line.append(", via ").append(source);
        }
        return line.append(", ").append(when()).toString();
    }
}
