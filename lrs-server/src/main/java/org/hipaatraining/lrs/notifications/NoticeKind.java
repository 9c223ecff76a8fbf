package org.hipaatraining.lrs.notifications;

/** What a notice is about, and to whom it goes. The names are stored in the ledger and shown as evidence. */
public enum NoticeKind {
    ASSIGNED("Assignment", Audience.PERSON),
    DUE_SOON("Due-soon reminder", Audience.PERSON),
    OVERDUE("Overdue reminder", Audience.PERSON),
    SECURITY_REMINDER("Security reminder", Audience.PERSON),
    ESCALATION_SUPERVISOR("Overdue: supervisor told", Audience.SUPERVISOR),
    ESCALATION_PRIVACY_OFFICER("Overdue: privacy officer told", Audience.PRIVACY_OFFICER),
    FAILED_NO_RETAKE("Failed check, no retake: supervisor told", Audience.SUPERVISOR),
    SUPERVISOR_DIGEST("Weekly supervisor digest", Audience.SUPERVISOR),
    PRIVACY_OFFICER_SUMMARY("Monthly privacy officer summary", Audience.PRIVACY_OFFICER);

    /** Who receives a notice of this kind. */
    public enum Audience { PERSON, SUPERVISOR, PRIVACY_OFFICER }

    private final String label;
    private final Audience audience;

    NoticeKind(String label, Audience audience) {
        this.label = label;
        this.audience = audience;
    }

    public String label() {
        return label;
    }

    public Audience audience() {
        return audience;
    }
}
