package org.hipaatraining.lrs.lti;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An LMS registered with this tool (a Moodle site, a Canvas instance, ...): what it told us when the tool was added there.
 * One issuer may register the tool more than once (Canvas: one developer key per sub-account), so a platform is an
 * issuer and a client id together.
 *
 * @param issuer        the platform's {@code iss} (Moodle: the site URL; Canvas: https://canvas.instructure.com)
 * @param clientId      the client id the platform gave the tool ({@code aud} of its id_tokens)
 * @param deploymentIds the deployments launches may come from; a launch from any other is refused
 * @param authLoginUrl  where the tool sends the browser for the OIDC authentication request
 * @param tokenUrl      where the tool gets OAuth2 access tokens for grades and members
 * @param jwksUrl       the platform's public keys, to verify its id_tokens
 * @param tokenAudience the {@code aud} the token endpoint expects in the tool's client assertion; null means the token URL
 */
@Document(LtiPlatformStore.PLATFORMS)
public record LtiPlatform(@Id String id, String name, String issuer, String clientId, List<String> deploymentIds,
                          String authLoginUrl, String tokenUrl, String jwksUrl, String tokenAudience, Instant createdAt,
                          Instant updatedAt) {

    public LtiPlatform {
        deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
    }

    public boolean hasDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }

    /** The audience of the client assertion sent to the token endpoint. */
    public String assertionAudience() {
        return tokenAudience == null || tokenAudience.isBlank() ? tokenUrl : tokenAudience;
    }

    /** The xAPI account homePage of this platform's users (their account name is the LTI {@code sub}). */
    public String accountHomePage() {
        return issuer;
    }

    /** What an admin registers; checked by {@link #problems()}. */
    public record Details(String name, String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                          String tokenUrl, String jwksUrl, String tokenAudience) {

        /** Every field that needs fixing, as "field: what is wrong"; empty when the details are usable. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            required(problems, "name", name);
            required(problems, "issuer", issuer);
            required(problems, "clientId", clientId);
            if (deploymentIds == null || deploymentIds.stream().allMatch(d -> d == null || d.isBlank())) {
                problems.add("deploymentIds: at least one (Moodle shows it as Deployment ID; Canvas on the deployment)");
            }
            url(problems, "authLoginUrl", authLoginUrl, true);
            url(problems, "tokenUrl", tokenUrl, true);
            url(problems, "jwksUrl", jwksUrl, true);
            url(problems, "tokenAudience", tokenAudience, false);
            return problems;
        }

        List<String> cleanDeploymentIds() {
            return deploymentIds.stream().filter(d -> d != null && !d.isBlank()).map(String::trim).distinct().toList();
        }

        private static void required(List<String> problems, String field, String value) {
            if (value == null || value.isBlank()) {
                problems.add(field + ": required");
            }
        }

        /** Platform endpoints carry tokens and keys: https, except on this machine (a test or a local LMS). */
        private static void url(List<String> problems, String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.add(field + ": required");
                }
                return;
            }
            try {
                URI uri = URI.create(value.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean local = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
                if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && local)) {
                    problems.add(field + ": '" + value + "' must be an https URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add(field + ": '" + value + "' is not a URL");
            }
        }
    }
}
