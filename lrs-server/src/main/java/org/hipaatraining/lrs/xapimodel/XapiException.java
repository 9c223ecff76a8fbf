package org.hipaatraining.lrs.xapimodel;

import org.springframework.http.HttpStatus;

/** A request the LRS refuses, with the status and a message that tells the client what to fix. */
public class XapiException extends RuntimeException {

    private final HttpStatus status;

    public XapiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static XapiException badRequest(String message) {
        return new XapiException(HttpStatus.BAD_REQUEST, message);
    }

    public static XapiException conflict(String message) {
        return new XapiException(HttpStatus.CONFLICT, message);
    }

    public static XapiException preconditionFailed(String message) {
        return new XapiException(HttpStatus.PRECONDITION_FAILED, message);
    }

    public static XapiException notFound(String message) {
        return new XapiException(HttpStatus.NOT_FOUND, message);
    }

    public static XapiException forbidden(String message) {
        return new XapiException(HttpStatus.FORBIDDEN, message);
    }
}
