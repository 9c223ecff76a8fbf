package org.hipaatraining.lrs.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Who tried to sign in, where from, and through which door. */
record SignInAttempt(Channel channel, String account, String address) {

    enum Channel {
        /** The admin sign-in form or HTTP Basic on the admin API: an admin user name. */
        ADMIN("admin-user"),
        /** HTTP Basic on xAPI: a client key. */
        XAPI("xapi-client"),
        /** HTTP Basic on xAPI with a cmi5 launch token: random and short-lived, so not counted against the address. */
        LAUNCH_TOKEN("launch-token");

        private final String value;

        Channel(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    static SignInAttempt of(Channel channel, Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        return new SignInAttempt(channel, authentication.getName(), address == null ? "unknown" : address);
    }
}
