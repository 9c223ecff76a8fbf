package org.hipaatraining.lrs.compliance.api;

import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.RetentionException;
import org.hipaatraining.lrs.compliance.reports.AuditPackageJobs;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The compliance API's errors: a problem detail ({@code system.ApiProblems}) naming what to fix; never a 500 for bad input.
 * Malformed bodies and parameters are answered by the catch-all {@code system.UnhandledErrors} in the same shape.
 */
@RestControllerAdvice(basePackages = "org.hipaatraining.lrs.compliance")
@Order(Ordered.LOWEST_PRECEDENCE - 100) // before the catch-all system.UnhandledErrors
class ComplianceApiErrors {

    @ExceptionHandler(ComplianceService.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(ComplianceService.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ComplianceException.class, RosterService.RosterException.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AuditPackageJobs.Conflict.class)
    ResponseEntity<ProblemDetail> notReady(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RetentionException.class)
    ResponseEntity<ProblemDetail> retained(RetentionException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
        return ApiProblems.of(status, message);
    }
}
