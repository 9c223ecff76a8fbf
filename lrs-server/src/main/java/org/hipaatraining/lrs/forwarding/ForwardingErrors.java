package org.hipaatraining.lrs.forwarding;

import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The forwarding API's refusals: a problem detail with its {@code field} ({@code system.ApiProblems}), a 400 (or 404),
 * never a 500.
 */
@RestControllerAdvice(assignableTypes = ForwardingController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 100) // before the catch-all system.UnhandledErrors
class ForwardingErrors {

    @ExceptionHandler(ForwardingException.class)
    ResponseEntity<ProblemDetail> refused(ForwardingException e) {
        return ApiProblems.of(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }
}
