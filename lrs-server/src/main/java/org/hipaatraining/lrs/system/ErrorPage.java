package org.hipaatraining.lrs.system;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}: where the servlet container sends a request that failed outside any controller's handling (a
 * filter's failure, a {@code sendError}). Answers in the shape the caller expects: the xAPI error object under
 * {@code /xapi}, a problem detail under {@code /api}, {@code {"error": ...}} for other non-browser clients, the error page
 * for browsers.
 * Messages are the status's own words, never an exception's (which could name Java types); a 500 adds the request id.
 * Requested directly, there is no error to show: 404.
 */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String accept = request.getHeader("Accept");
        boolean browser = accept != null && accept.contains("text/html");
        boolean api = path.startsWith("/api") || path.startsWith("/cmi5/fetch") || !browser;
        return ErrorAnswers.answer(request, path, api, status, message(status, request));
    }

    private static String message(HttpStatus status, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            return ErrorAnswers.serverFailure(request);
        }
        if (request.getAttribute(RequestIds.MALFORMED) instanceof String malformed) {
            return malformed;
        }
        return switch (status) {
            case NOT_FOUND -> "there is nothing at this address";
            case METHOD_NOT_ALLOWED -> request.getMethod() + " is not supported here";
            case CONTENT_TOO_LARGE -> "the request body is too large";
            case UNAUTHORIZED -> "credentials required";
            case FORBIDDEN -> "you may not do that";
            default -> status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
