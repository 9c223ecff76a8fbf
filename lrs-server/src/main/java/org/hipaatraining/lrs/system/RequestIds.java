package org.hipaatraining.lrs.system;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the {@code X-Request-Id} response header and in every log line written while it runs
 * ({@code %X{requestId}}), so an admin can find the log of a failure a user reports. A 500's body carries it too.
 * <p>
 * Also the last line of defence: a failure that escapes every handler (a filter's, say) is logged here once, with the
 * id, and answered with a plain 500 through the error page, instead of the servlet container's own page and log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    static final String MDC_KEY = "requestId";
    /** What was malformed in a request refused before any handler ran, for the error page to say. */
    static final String MALFORMED = RequestIds.class.getName() + ".malformed";

    private static final Logger log = LoggerFactory.getLogger(RequestIds.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The id of the request being served, for messages; "unknown" outside a request. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "unknown" : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (ClientFaults.isAbort(e)) {
                return; // the client went away: nothing to answer, nothing to fix
            }
            Optional<String> malformed = ClientFaults.malformedRequest(e);
            if (malformed.isPresent()) {
                if (!response.isCommitted()) {
                    request.setAttribute(MALFORMED, malformed.get());
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                }
                return;
            }
            log.error("Unexpected failure on {} {} (request id {})", request.getMethod(), request.getRequestURI(), id, e);
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
