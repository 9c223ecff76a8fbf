package org.hipaatraining.lrs.compliance;

/** A compliance request that cannot be done as asked; the message says what to change. Answered with 400. */
public class ComplianceException extends RuntimeException {

    public ComplianceException(String message) {
        super(message);
    }
}
