package org.hipaatraining.lrs.lti;

import org.springframework.http.HttpStatus;

/**
 * Something an LTI request or an admin's LTI change got wrong, with the status to answer and a message that says what.
 * Launch failures become a short page for the learner (400: the request is malformed, 401: it could not be trusted).
 */
public class LtiException extends RuntimeException {

    private final HttpStatus status;

    public LtiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public LtiException(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static LtiException badRequest(String message) {
        return new LtiException(HttpStatus.BAD_REQUEST, message);
    }

    /** The request could not be trusted: bad signature, wrong audience, expired, replayed. */
    public static LtiException untrusted(String message) {
        return new LtiException(HttpStatus.UNAUTHORIZED, message);
    }

    public static LtiException notFound(String message) {
        return new LtiException(HttpStatus.NOT_FOUND, message);
    }

    public HttpStatus status() {
        return status;
    }
}
