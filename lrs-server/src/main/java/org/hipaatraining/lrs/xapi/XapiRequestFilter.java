package org.hipaatraining.lrs.xapi;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every xAPI request shares, done before authentication so even a 401 carries it: the version header (required
 * on every request but {@code GET /xapi/about}, echoed on every response), X-Experience-API-Consistent-Through on the
 * Statement Resource, and the body size limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class XapiRequestFilter extends OncePerRequestFilter {

    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    private final XapiSettings settings;
    private final Clock clock;
    private final XapiErrorWriter errors;

    XapiRequestFilter(XapiSettings settings, Clock clock, XapiErrorWriter errors) {
        this.settings = settings;
        this.clock = clock;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/xapi/") && !path(request).equals("/xapi");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (path.startsWith("/xapi/statements")) {
            response.setHeader(CONSISTENT_THROUGH,
                    Timestamps.format(clock.instant().minus(settings.consistencyWindow())));
        }
        if ("OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response); // CORS preflight carries no xAPI headers
            return;
        }
        Optional<XapiVersion> version = XapiVersion.fromHeader(request.getHeader(XapiVersion.HEADER));
        boolean about = path.equals("/xapi/about");
        if (version.isEmpty() && !about) {
            response.setHeader(XapiVersion.HEADER, settings.defaultXapiVersion().header());
            String given = request.getHeader(XapiVersion.HEADER);
            errors.write(response, HttpStatus.BAD_REQUEST, given == null
                    ? "X-Experience-API-Version: header required (1.0.3 or 2.0.0)"
                    : "X-Experience-API-Version: '" + given + "' is not supported; use 1.0.3 or 2.0.0");
            return;
        }
        XapiVersion v = version.orElse(settings.defaultXapiVersion());
        request.setAttribute(XapiRequest.VERSION_ATTRIBUTE, v);
        response.setHeader(XapiVersion.HEADER, v.header());

        long limit = settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            errors.write(response, HttpStatus.CONTENT_TOO_LARGE, RequestBodies.tooLarge(limit).getMessage());
            return;
        }
        request.setAttribute(RequestBodies.LIMIT_ATTRIBUTE, limit);
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
