package org.hipaatraining.lrs.lti;

import org.hipaatraining.lrs.system.ContentSecurityPolicies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The tool's browser-facing endpoints under {@code /lti/**}: no sign-in and no session. Trust comes from the LTI
 * messages themselves (a platform-signed id_token bound to a single-use state and nonce; a single-use selection token
 * for deep linking), so CSRF protection is off for exactly those POSTs, which arrive cross-site from the LMS by design.
 * LMSs show tools in an iframe, so these pages may be framed. Ordered before the catch-all admin chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LtiSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain ltiSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher("/lti/**")
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        paths.matcher(HttpMethod.POST, "/lti/login"),
                        paths.matcher(HttpMethod.POST, "/lti/launch"),
                        paths.matcher(HttpMethod.POST, "/lti/deep-link")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.LTI)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
