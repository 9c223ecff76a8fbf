package org.hipaatraining.lrs.auth;

import java.util.Map;

import org.hipaatraining.lrs.system.ContentSecurityPolicies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything that is not xAPI: the admin pages (form sign-in, session) and the admin API (HTTP Basic for scripts, or
 * the page session). Admins may change things; auditors may read and export; supervisors see their team page only.
 * Sign-in is by admin user, never by an xAPI client credential, and goes through the {@link SignInThrottle}. A session needs its CSRF token on every change;
 * only a Basic request without a session cookie (a script) goes without. docs/security.md says it all in one place.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminSecurityConfiguration {

    private static final RequestMatcher API_DOCS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/docs") || path.startsWith("/api/swagger-ui/") || path.startsWith("/swagger-ui/");
    };

    @Bean
    @Order(2)
    SecurityFilterChain adminSecurity(HttpSecurity http, AdminUserService users, PasswordEncoder passwords,
                                      SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        http.authenticationProvider(new ThrottledAuthentication(provider, throttle, SignInAttempt.Channel.ADMIN))
                .csrf(csrf -> csrf.ignoringRequestMatchers(new BasicAuthenticationRequest()))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS),
                                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicies.PAGES)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
                                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicies.API_DOCS))))
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").successHandler(signedIn()).failureHandler(signInFailed())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/clients/**", "/api/admin/users/**").hasRole(AdminRole.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(AdminRole.ADMIN.name(), AdminRole.AUDITOR.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(AdminRole.ADMIN.name(), AdminRole.AUDITOR.name())
                        .requestMatchers("/api/**").hasRole(AdminRole.ADMIN.name())
                        // a supervisor's own pages; every other page and API answers them 403
                        .requestMatchers("/admin/team", "/admin/team/**").hasRole(AdminRole.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.GET, "/admin", "/admin/**")
                        .hasAnyRole(AdminRole.ADMIN.name(), AdminRole.AUDITOR.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(AdminRole.ADMIN.name())
                        .anyRequest().permitAll());
        return http.build();
    }

    /** To the page asked for, or the overview (supervisors: their team); each admin sign-in is a security event. */
    private static AuthenticationSuccessHandler signedIn() {
        SavedRequestAwareAuthenticationSuccessHandler continueTo = new SavedRequestAwareAuthenticationSuccessHandler();
        continueTo.setDefaultTargetUrl("/admin");
        return (request, response, authentication) -> {
            SecurityEvents.signedIn(authentication.getName(), request.getRemoteAddr());
            boolean supervisor = authentication.getAuthorities().stream()
                    .anyMatch(a -> AdminRole.SUPERVISOR.authority().equals(a.getAuthority()));
            if (supervisor) {
                // the one page they may see, whatever they asked for first
                response.sendRedirect(request.getContextPath() + "/admin/team");
            } else {
                continueTo.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** A locked account or address gets its own message on the sign-in page. */
    private static AuthenticationFailureHandler signInFailed() {
        ExceptionMappingAuthenticationFailureHandler failed = new ExceptionMappingAuthenticationFailureHandler();
        failed.setDefaultFailureUrl("/login?error");
        failed.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return failed;
    }
}
