package org.hipaatraining.lrs.auth;

/** What a signed-in person may do in the admin area: admins change things, auditors only read and export. */
public enum AdminRole {
    ADMIN,
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
