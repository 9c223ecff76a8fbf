package org.hipaatraining.lrs.forwarding;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The forwarding API's refusals: {@code {"error": "...", "field": "..."}} with a 400 (or 404), never a 500. */
@RestControllerAdvice(assignableTypes = ForwardingController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 100) // before the catch-all system.UnhandledErrors
class ForwardingErrors {

    @ExceptionHandler(ForwardingException.class)
    ResponseEntity<Map<String, String>> refused(ForwardingException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return ResponseEntity.status(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
