package org.hipaatraining.lrs.compliance.api;

import java.util.Map;

import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.RetentionException;
import org.hipaatraining.lrs.compliance.reports.AuditPackageJobs;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The compliance API's errors: a status and {@code {"error": "..."}} naming what to fix; never a 500 for bad input.
 * Malformed bodies and parameters are answered by the catch-all {@code system.UnhandledErrors} in the same shape.
 */
@RestControllerAdvice(basePackages = "org.hipaatraining.lrs.compliance")
@Order(Ordered.LOWEST_PRECEDENCE - 100) // before the catch-all system.UnhandledErrors
class ComplianceApiErrors {

    @ExceptionHandler(ComplianceService.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(ComplianceService.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ComplianceException.class, RosterService.RosterException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AuditPackageJobs.Conflict.class)
    ResponseEntity<Map<String, String>> notReady(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RetentionException.class)
    ResponseEntity<Map<String, String>> retained(RetentionException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        // JSON even for a PDF or CSV download's error: the one type every caller can read
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
