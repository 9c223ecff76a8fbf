package org.hipaatraining.lrs.policies;

/** Bad input for a policy (a 400 naming the field), or a policy or version that does not exist (a 404). */
public class PolicyException extends RuntimeException {

    private final boolean notFound;

    private PolicyException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** What is wrong, starting with the field: {@code "version: 2027.1 is already published"}. */
    static PolicyException badInput(String message) {
        return new PolicyException(message, false);
    }

    static PolicyException notFound(String message) {
        return new PolicyException(message, true);
    }

    public boolean isNotFound() {
        return notFound;
    }
}
