package org.hipaatraining.lrs.forwarding;

/** A request the forwarding API refuses: a 400 naming the field to fix (or a 404 for an unknown target). */
public class ForwardingException extends RuntimeException {

    private final String field;
    private final boolean notFound;

    ForwardingException(String field, String message) {
        this(field, message, false);
    }

    private ForwardingException(String field, String message, boolean notFound) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
        this.notFound = notFound;
    }

    static ForwardingException noTarget(String id) {
        return new ForwardingException(null, "no forwarding target " + id, true);
    }

    public String field() {
        return field;
    }

    public boolean notFound() {
        return notFound;
    }
}
