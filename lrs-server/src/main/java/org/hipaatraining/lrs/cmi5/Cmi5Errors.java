package org.hipaatraining.lrs.cmi5;

import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The cmi5 admin API's errors: a problem detail ({@code system.ApiProblems}) naming what to fix. */
@RestControllerAdvice(basePackages = "org.hipaatraining.lrs.cmi5")
@Order(Ordered.LOWEST_PRECEDENCE - 100) // before the catch-all system.UnhandledErrors
class Cmi5Errors {

    @ExceptionHandler(Cmi5Exception.class)
    ResponseEntity<ProblemDetail> cmi5(Cmi5Exception e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, e.getRequestPartName() + ": required (the cmi5 zip as a form field)");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than spring.servlet.multipart.max-file-size "
                + "allows; raise it, or send the zip as an application/zip body");
    }

    private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
        return ApiProblems.of(status, message);
    }
}
