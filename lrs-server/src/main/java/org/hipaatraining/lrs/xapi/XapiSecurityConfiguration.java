package org.hipaatraining.lrs.xapi;

import java.util.Arrays;

import org.hipaatraining.lrs.auth.ClientAuthenticationProvider;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.auth.LaunchTokenAuthenticator;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.auth.SignInThrottle;
import org.hipaatraining.lrs.system.ContentSecurityPolicies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call which xAPI resource. Every resource but {@code /xapi/about} needs a client credential (HTTP Basic), and
 * each needs a scope: reading statements needs a read scope, writing needs {@code statements/write}, documents need
 * {@code state} or {@code profile}; {@code all} allows everything and {@code all/read} every read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class XapiSecurityConfiguration {

    private static final String[] STATEMENT_READ = authorities(Scope.STATEMENTS_READ, Scope.STATEMENTS_READ_MINE,
            Scope.ALL_READ, Scope.ALL);
    private static final String[] STATEMENT_WRITE = authorities(Scope.STATEMENTS_WRITE, Scope.ALL);
    private static final String[] STATE_READ = authorities(Scope.STATE, Scope.ALL_READ, Scope.ALL);
    private static final String[] STATE_WRITE = authorities(Scope.STATE, Scope.ALL);
    private static final String[] PROFILE_READ = authorities(Scope.PROFILE, Scope.ALL_READ, Scope.ALL);
    private static final String[] PROFILE_WRITE = authorities(Scope.PROFILE, Scope.ALL);
    private static final String[] ANY_READ = authorities(Scope.STATEMENTS_READ, Scope.STATEMENTS_READ_MINE, Scope.ALL_READ,
            Scope.ALL, Scope.STATE, Scope.PROFILE, Scope.DEFINE);

    @Bean
    @Order(1)
    SecurityFilterChain xapiSecurity(HttpSecurity http, ClientService clients, XapiErrorWriter errors, XapiSettings settings,
                                     ObjectProvider<LaunchTokenAuthenticator> launchTokens, SignInThrottle throttle)
            throws Exception {
        http.securityMatcher("/xapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(cors -> cors.configurationSource(cors(settings)))
                .authenticationManager(new ProviderManager(ClientAuthenticationProvider.throttled(clients,
                        launchTokens.getIfAvailable(), throttle)))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
                    errors.write(response, HttpStatus.UNAUTHORIZED, "credentials required: HTTP Basic with a client key "
                            + "and secret (" + e.getMessage() + ")");
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
                            errors.write(response, HttpStatus.UNAUTHORIZED,
                                    "credentials required: HTTP Basic with a client key and secret");
                        })
                        .accessDeniedHandler((request, response, e) -> errors.write(response, HttpStatus.FORBIDDEN,
                                "this credential's scopes do not allow " + request.getMethod() + " on "
                                        + request.getRequestURI())))
                .headers(headers -> headers.cacheControl(c -> c.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.API)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/xapi/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/xapi/about").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/xapi/about").permitAll()
                        .requestMatchers(HttpMethod.GET, "/xapi/statements").hasAnyAuthority(STATEMENT_READ)
                        .requestMatchers(HttpMethod.HEAD, "/xapi/statements").hasAnyAuthority(STATEMENT_READ)
                        .requestMatchers("/xapi/statements").hasAnyAuthority(STATEMENT_WRITE)
                        .requestMatchers(HttpMethod.GET, "/xapi/activities/state").hasAnyAuthority(STATE_READ)
                        .requestMatchers(HttpMethod.HEAD, "/xapi/activities/state").hasAnyAuthority(STATE_READ)
                        .requestMatchers("/xapi/activities/state").hasAnyAuthority(STATE_WRITE)
                        .requestMatchers(HttpMethod.GET, "/xapi/activities/profile", "/xapi/agents/profile")
                        .hasAnyAuthority(PROFILE_READ)
                        .requestMatchers(HttpMethod.HEAD, "/xapi/activities/profile", "/xapi/agents/profile")
                        .hasAnyAuthority(PROFILE_READ)
                        .requestMatchers("/xapi/activities/profile", "/xapi/agents/profile").hasAnyAuthority(PROFILE_WRITE)
                        .requestMatchers("/xapi/activities", "/xapi/agents").hasAnyAuthority(ANY_READ)
                        .anyRequest().authenticated());
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(XapiSettings settings) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(settings.corsAllowedOrigins());
        config.setAllowedMethods(java.util.List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type", "X-Experience-API-Version", "If-Match",
                "If-None-Match", "Accept-Language"));
        config.setExposedHeaders(java.util.List.of("ETag", "Last-Modified", "X-Experience-API-Version",
                "X-Experience-API-Consistent-Through", "Location"));
        config.setAllowCredentials(true);
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/xapi/**", config);
        return source;
    }

    private static String[] authorities(Scope... scopes) {
        return Arrays.stream(scopes).map(Scope::authority).toArray(String[]::new);
    }
}
