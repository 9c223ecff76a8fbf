package org.hipaatraining.lrs.auth;

/**
 * What a signed-in person may do in the admin area: admins change things, auditors only read and export, supervisors
 * see their own team (the roster person their account is linked to, and who reports to them) and nothing else.
 */
public enum AdminRole {
    ADMIN,
    AUDITOR,
    SUPERVISOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
