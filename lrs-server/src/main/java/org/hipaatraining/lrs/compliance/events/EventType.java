package org.hipaatraining.lrs.compliance.events;

/** What a statement tells the compliance records about a person and a module. */
public enum EventType {
    /** Work on the module began or went on (launched, initialized, a lesson or question): it is in progress. */
    STARTED,
    /** The module was completed; it counts as training done only when its rule says it satisfies the module. */
    COMPLETED,
    /** The knowledge check was passed. */
    PASSED,
    /** The knowledge check was failed: the person needs remediation and a retake. */
    FAILED,
    /** The end-of-module policy was acknowledged (attestation). */
    ACKNOWLEDGED,
    /** An LMS recorded that the module's requirement is met (cmi5 satisfied) or was waived by an admin. */
    SATISFIED
}
