package org.hipaatraining.lrs.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * An error in the shape its caller reads: the xAPI error object under {@code /xapi}, a problem detail under {@code /api}
 * ({@link ApiProblems}), {@code {"error": ...}} for other non-browser callers, or the error page.
 */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static Object answer(HttpServletRequest request, String path, boolean api, HttpStatus status, String message) {
        if (path.startsWith("/xapi")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(XapiErrorBody.of(status, message));
        }
        if (path.startsWith("/api")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setInstance(instance(path)); // the failed request's, not /error's when the container forwarded there
            if (status.is5xxServerError()) {
                problem.setProperty("requestId", RequestIds.of(request));
            }
            return ApiProblems.answer(problem);
        }
        if (api) {
            Map<String, String> body = status.is5xxServerError()
                    ? Map.of("error", message, "requestId", RequestIds.of(request)) : Map.of("error", message);
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                    .body(body);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }

    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String serverFailure(HttpServletRequest request) {
        return "the server failed to process this request; it has been logged with request id " + RequestIds.of(request);
    }
}
