package org.hipaatraining.lrs.compliance.status;

/**
 * Where a person stands on one requirement today. Exactly one applies, in this order of precedence: COMPLIANT, then
 * FAILED (the last result was a fail: remediation and a retake are needed), OVERDUE (past the due date), IN_PROGRESS
 * (started since the last completion), NEVER_STARTED (no record at all for the module), DUE (trained before, due again).
 * Whether a FAILED requirement is also past its due date is in {@link ModuleStatus#overdue()}.
 */
public enum ComplianceState {
    COMPLIANT("Compliant"),
    FAILED("Failed"),
    OVERDUE("Overdue"),
    IN_PROGRESS("In progress"),
    NEVER_STARTED("Never started"),
    DUE("Due");

    private final String label;

    ComplianceState(String label) {
        this.label = label;
    }

    /** How pages and reports name the state. */
    public String label() {
        return label;
    }

    /** The CSS class pages and reports mark the state with, e.g. {@code state-in-progress}. */
    public String cssClass() {
        return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
