package org.hipaatraining.lrs.compliance.api;

import java.util.Map;
import java.util.stream.Collectors;

import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.RetentionException;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/** The compliance API's errors: a status and {@code {"error": "..."}} naming what to fix; never a 500 for bad input. */
@RestControllerAdvice(basePackages = "org.hipaatraining.lrs.compliance")
class ComplianceApiErrors {

    @ExceptionHandler(ComplianceService.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(ComplianceService.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ComplianceException.class, RosterService.RosterException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RetentionException.class)
    ResponseEntity<Map<String, String>> retained(RetentionException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return error(HttpStatus.BAD_REQUEST, field + ": " + jackson.getOriginalMessage());
        }
        return error(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this resource: "
                + (cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not a valid value");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + ": required");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
