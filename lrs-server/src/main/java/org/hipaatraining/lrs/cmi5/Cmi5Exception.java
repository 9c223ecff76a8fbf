package org.hipaatraining.lrs.cmi5;

import org.springframework.http.HttpStatus;

/** A cmi5 admin request that cannot be done as asked; the message names what to change. */
public class Cmi5Exception extends RuntimeException {

    private final HttpStatus status;

    public Cmi5Exception(String message) {
        this(HttpStatus.BAD_REQUEST, message);
    }

    public Cmi5Exception(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static Cmi5Exception notFound(String message) {
        return new Cmi5Exception(HttpStatus.NOT_FOUND, message);
    }

    static Cmi5Exception conflict(String message) {
        return new Cmi5Exception(HttpStatus.CONFLICT, message);
    }
}
