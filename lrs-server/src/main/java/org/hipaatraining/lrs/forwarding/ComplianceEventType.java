package org.hipaatraining.lrs.forwarding;

import java.util.Locale;
import java.util.Optional;

/** The compliance webhook events (docs/forwarding.md#events). */
public enum ComplianceEventType {
    /** A person appears on the roster (with statuses for the first time). */
    PERSON_ADDED("person.added"),
    /** Every requirement of the person is compliant, and was not before. */
    PERSON_COMPLIANT("person.compliant"),
    /** A requirement of the person went past its due date (one event per requirement). */
    PERSON_OVERDUE("person.overdue"),
    /** A requirement became compliant: a completion that counts. */
    REQUIREMENT_COMPLETED("requirement.completed"),
    /** The last result on a requirement is a fail. */
    REQUIREMENT_FAILED("requirement.failed");

    private final String wireName;

    ComplianceEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ComplianceEventType> fromWireName(String name) {
        for (ComplianceEventType t : values()) {
            if (t.wireName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
