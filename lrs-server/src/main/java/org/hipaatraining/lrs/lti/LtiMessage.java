package org.hipaatraining.lrs.lti;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A launch message whose id_token has been verified: the platform it came from and its claims, with readers for the
 * parts the tool uses.
 */
record LtiMessage(LtiPlatform platform, JWTClaimsSet claims) {

    String messageType() {
        return string(claims, LtiClaims.MESSAGE_TYPE);
    }

    String deploymentId() {
        return string(claims, LtiClaims.DEPLOYMENT_ID);
    }

    boolean isDeepLinking() {
        return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType());
    }

    LtiUsers.LtiUser user() {
        String name = string(claims, "name");
        if (name == null) {
            String given = string(claims, "given_name");
            String family = string(claims, "family_name");
            name = given == null && family == null ? null : ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return new LtiUsers.LtiUser(claims.getSubject(), name, string(claims, "email"));
    }

    String targetLinkUri() {
        return string(claims, LtiClaims.TARGET_LINK_URI);
    }

    String resourceLinkId() {
        return string(object(LtiClaims.RESOURCE_LINK), "id");
    }

    String resourceLinkTitle() {
        return string(object(LtiClaims.RESOURCE_LINK), "title");
    }

    String contextId() {
        return string(object(LtiClaims.CONTEXT), "id");
    }

    String contextTitle() {
        return string(object(LtiClaims.CONTEXT), "title");
    }

    /** A custom parameter of the link ({@code module}, {@code role}). */
    String custom(String name) {
        Object value = object(LtiClaims.CUSTOM).get(name);
        // platforms send "$Canvas.x" style placeholders unreplaced when they do not know them
        return value == null || String.valueOf(value).startsWith("$") ? null : String.valueOf(value);
    }

    String returnUrl() {
        return string(object(LtiClaims.LAUNCH_PRESENTATION), "return_url");
    }

    /** The AGS line item of the link, when the platform lets the tool post scores to it. */
    String lineItem() {
        Map<String, Object> ags = object(LtiClaims.AGS_ENDPOINT);
        Object scopes = ags.get("scope");
        boolean mayScore = scopes instanceof List<?> list && list.contains(LtiClaims.SCOPE_SCORE);
        return mayScore ? string(ags, "lineitem") : null;
    }

    String membershipsUrl() {
        return string(object(LtiClaims.NRPS), "context_memberships_url");
    }

    Map<String, Object> deepLinkingSettings() {
        return object(LtiClaims.DEEP_LINKING_SETTINGS);
    }

    String deepLinkReturnUrl() {
        return string(deepLinkingSettings(), "deep_link_return_url");
    }

    Map<String, Object> object(String claim) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(claim);
            return value == null ? Map.of() : value;
        } catch (ParseException e) {
            throw LtiException.badRequest("The launch's " + claim + " claim is not a JSON object.");
        }
    }

    static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    static String string(Map<String, Object> object, String name) {
        Object value = object.get(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
