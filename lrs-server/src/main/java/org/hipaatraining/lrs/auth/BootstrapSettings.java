package org.hipaatraining.lrs.auth;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials created or updated at start-up, so scripts, tests and a first sign-in work without a manual step.
 *
 * @param clientKey     {@code lrs.bootstrap.client-key}: an xAPI client created (or updated) at start-up
 * @param clientSecret  its secret ({@code lrs.bootstrap.client-secret})
 * @param clientName    a label for it
 * @param clientScopes  its scopes, {@code all} by default
 * @param adminUsername the first admin's user name
 * @param adminPassword the first admin's password; when no admin exists and none is given, one is generated and logged once
 */
@ConfigurationProperties("lrs.bootstrap")
public record BootstrapSettings(String clientKey, String clientSecret, @DefaultValue("Bootstrap client") String clientName,
                                @DefaultValue("all") Set<String> clientScopes, @DefaultValue("admin") String adminUsername,
                                String adminPassword) {
}
