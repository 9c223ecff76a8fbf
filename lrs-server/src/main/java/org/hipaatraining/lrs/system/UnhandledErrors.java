package org.hipaatraining.lrs.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.core.JacksonException;

/**
 * The catch-all after each feature's own error handling: whatever a controller lets escape becomes a clean answer in
 * the caller's shape (a problem detail under {@code /api}, the xAPI error object under {@code /xapi}, the error page
 * for the admin pages). Spring's own request errors keep their 4xx with a message in the client's terms; anything
 * else is a 500 that carries the request id, logged with it.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnhandledErrors {

    private static final Logger log = LoggerFactory.getLogger(UnhandledErrors.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        return answer(request, HttpStatus.BAD_REQUEST, cause instanceof JacksonException jackson
                ? JsonErrors.describe(jackson) : "the request body is missing or not in the format this resource reads");
    }

    @ExceptionHandler(TypeMismatchException.class)
    Object mismatch(TypeMismatchException e, HttpServletRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return answer(request, HttpStatus.BAD_REQUEST, name + ": '" + clip(String.valueOf(e.getValue()))
                + "' is not " + JsonErrors.expected(e.getRequiredType()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE,
                "the upload is larger than this server accepts (spring.servlet.multipart.max-file-size)");
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "the body is not a readable multipart/form-data upload "
                + "(no boundary in the Content-Type, or the body is cut short)");
    }

    /** Spring MVC's request errors (missing parameter, wrong method or media type, no such path), in our words. */
    private static Object mvc(Exception e, HttpStatusCode status, HttpServletRequest request) {
        String message;
        if (e instanceof MissingServletRequestParameterException missing) {
            message = missing.getParameterName() + ": required";
        } else if (e instanceof MissingServletRequestPartException missing) {
            message = missing.getRequestPartName() + ": required";
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            message = method.getMethod() + " is not supported here";
        } else if (e instanceof HttpMediaTypeNotSupportedException type) {
            message = "Content-Type: " + (type.getContentType() == null ? "required" : "'" + type.getContentType()
                    + "' is not accepted here") + "; use " + mediaTypes(type.getSupportedMediaTypes());
        } else if (e instanceof HttpMediaTypeNotAcceptableException type) {
            message = "Accept: this resource answers only " + mediaTypes(type.getSupportedMediaTypes());
        } else if (status.value() == 404) {
            message = "there is nothing at this address";
        } else {
            HttpStatus known = HttpStatus.resolve(status.value());
            message = known == null ? "the request was refused" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        }
        return answer(request, HttpStatus.valueOf(status.value()), message);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse mvc) {
            return mvc(e, mvc.getStatusCode(), request);
        }
        if (ClientFaults.isAbort(e)) {
            throw e; // nobody to answer
        }
        Optional<String> malformed = ClientFaults.malformedRequest(e);
        if (malformed.isPresent()) {
            return answer(request, HttpStatus.BAD_REQUEST, malformed.get());
        }
        String id = RequestIds.of(request);
        log.error("Unexpected failure on {} {} (request id {})", request.getMethod(), request.getRequestURI(), id, e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, ErrorAnswers.serverFailure(request));
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String message) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                ? answersData(handler) : !path.startsWith("/admin");
        return ErrorAnswers.answer(request, path, api, status, message);
    }

    /** A handler whose answer is data (JSON, CSV, PDF), not a page: its error is data too. */
    private static boolean answersData(HandlerMethod handler) {
        return handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(handler.getMethod().getReturnType())
                || handler.getMethod().getReturnType() == void.class;
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    private static String clip(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
