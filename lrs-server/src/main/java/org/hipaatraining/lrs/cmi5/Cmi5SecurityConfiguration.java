package org.hipaatraining.lrs.cmi5;

import java.util.List;

import org.hipaatraining.lrs.system.ContentSecurityPolicies;
import org.hipaatraining.lrs.xapi.XapiSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * {@code /cmi5/**} is for learners' browsers, which hold no LRS credential: AU files may be read (GET) and the fetch
 * URL POSTed, by anyone who has the link; the fetch URL's random code is what protects the token. No session, no CSRF
 * token (nothing here acts on a cookie), and CORS for the fetch URL so AUs hosted elsewhere (or sandboxed) can call it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class Cmi5SecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain cmi5Security(HttpSecurity http, XapiSettings settings) throws Exception {
        http.securityMatcher("/cmi5/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(cors -> cors.configurationSource(cors(settings)))
                // AnyWindow AUs may be framed by the LMS page that launched them, on another origin (LTI).
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicies.COURSE_CONTENT)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/cmi5/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/cmi5/content/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/cmi5/content/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/cmi5/fetch/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(XapiSettings settings) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(settings.corsAllowedOrigins());
        config.setAllowedMethods(List.of("POST", "OPTIONS"));
        config.setAllowedHeaders(List.of("Content-Type"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/cmi5/fetch/**", config);
        return source;
    }
}
