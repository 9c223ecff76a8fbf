package org.hipaatraining.lrs.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request a script makes with HTTP Basic, which needs no CSRF token: it carries its credentials itself, and a forged
 * cross-site request cannot add an Authorization header. Not so when the request also carries a session cookie (the
 * session, not the header, may be what authenticates it), when the header is any other scheme, or when the browser
 * says it comes from another site (a browser replays Basic credentials it has cached, cross-site too).
 */
final class BasicAuthenticationRequest implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null
                && !"cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
