package org.hipaatraining.lrs.xapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

import org.hipaatraining.lrs.system.ClientFaults;
import org.hipaatraining.lrs.system.RequestIds;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure on an xAPI resource into a status and a JSON message; bad input never becomes a 500. */
@RestControllerAdvice(basePackages = "org.hipaatraining.lrs.xapi")
@Order(Ordered.HIGHEST_PRECEDENCE)
class XapiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(XapiExceptionHandler.class);

    @ExceptionHandler(XapiException.class)
    ResponseEntity<byte[]> xapi(XapiException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported on this resource");
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<byte[]> mediaType(HttpMediaTypeException e) {
        return error(HttpStatus.BAD_REQUEST, "Content-Type: " + e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<byte[]> notFound(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "no such xAPI resource: /" + e.getResourcePath());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<byte[]> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** Parameter names the HTTP firewall refuses, e.g. a JSON body sent as a form, whose "name" holds line breaks. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<byte[]> rejected(RequestRejectedException e, HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(HttpStatus.BAD_REQUEST, "Content-Type: application/x-www-form-urlencoded is only accepted with "
                    + "the Alternate Request Syntax (?method=...); send JSON as application/json");
        }
        String reason = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        return error(HttpStatus.BAD_REQUEST, "the request was refused: "
                + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
    }

    /**
     * The store refused or could not be reached (a full or read-only disk, no primary): the client did not get an
     * acknowledgement, so it must send again; a batch already logged is finished by the LRS once the store is back.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.UncategorizedDataAccessException.class, com.mongodb.MongoException.class})
    ResponseEntity<byte[]> storeUnavailable(Exception e, HttpServletRequest request) {
        log.error("The store failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        ResponseEntity<byte[]> response = error(HttpStatus.SERVICE_UNAVAILABLE, "the record store cannot complete this "
                + "request now (see the LRS's health); it was not acknowledged, so send it again later");
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header("Retry-After", "30")
                .body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        Optional<String> malformed = ClientFaults.malformedRequest(e);
        if (malformed.isPresent()) {
            return error(HttpStatus.BAD_REQUEST, malformed.get());
        }
        String id = RequestIds.of(request);
        log.error("Unexpected failure on {} {} (request id {})", request.getMethod(), request.getRequestURI(), id, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "the LRS failed to process this request; it has been logged "
                + "with request id " + id);
    }

    static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(XapiErrorWriter.body(status, message));
    }
}
