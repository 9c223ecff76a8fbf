package org.hipaatraining.lrs.lti;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

/**
 * Checks a launch's id_token as the LTI Security Framework requires: RS256 signature by a key the platform publishes,
 * issuer, audience (and azp when there are several), expiry, issue time and not-before, the nonce of this login's
 * state, a registered deployment, a supported message type and LTI version 1.3.0.
 */
@Component
class IdTokenVerifier {

    private final LtiPlatforms platforms;
    private final PlatformKeySets keySets;
    private final LtiSettings settings;
    private final Clock clock;

    IdTokenVerifier(LtiPlatforms platforms, PlatformKeySets keySets, LtiSettings settings, Clock clock) {
        this.platforms = platforms;
        this.keySets = keySets;
        this.settings = settings;
        this.clock = clock;
    }

    /** The verified message; {@link LtiException} (400 malformed, 401 untrusted) says what failed. */
    LtiMessage verify(String idToken, LoginStateStore.LoginState login) {
        if (idToken == null || idToken.isBlank()) {
            throw LtiException.badRequest("The LMS sent no id_token.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LtiException.badRequest("The LMS's id_token is not a signed JWT.");
        }
        LtiPlatform platform = platformOf(login);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw LtiException.untrusted("The id_token is signed with " + jwt.getHeader().getAlgorithm() + "; LTI requires RS256.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(keySets.key(platform, jwt.getHeader().getKeyID())))) {
                throw LtiException.untrusted("The id_token's signature does not match " + platform.name() + "'s key.");
            }
        } catch (JOSEException e) {
            throw LtiException.untrusted("The id_token's signature could not be checked: " + e.getMessage());
        }
        checkClaims(platform, claims, login);
        return new LtiMessage(platform, claims);
    }

    private LtiPlatform platformOf(LoginStateStore.LoginState login) {
        try {
            return platforms.get(login.platformId());
        } catch (LtiException e) {
            throw LtiException.untrusted("The LMS this launch started from is no longer registered.");
        }
    }

    private void checkClaims(LtiPlatform platform, JWTClaimsSet claims, LoginStateStore.LoginState login) {
        if (!platform.issuer().equals(claims.getIssuer())) {
            throw LtiException.untrusted("The id_token was issued by " + claims.getIssuer() + ", not by " + platform.issuer() + ".");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(platform.clientId())) {
            throw LtiException.untrusted("The id_token is meant for " + audience + ", not for this tool (client id "
                    + platform.clientId() + ").");
        }
        String azp = LtiMessage.string(claims, "azp");
        if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
            throw LtiException.untrusted("The id_token has several audiences and its azp is not this tool's client id.");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || !exp.toInstant().plus(settings.clockSkew()).isAfter(now)) {
            throw LtiException.untrusted("The id_token has expired. Go back to your LMS and open the link again.");
        }
        if (iat == null || iat.toInstant().isAfter(now.plus(settings.clockSkew()))) {
            throw LtiException.untrusted("The id_token's issue time is missing or in the future.");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(settings.clockSkew()))) {
            // RFC 7519 4.1.5: a JWT must not be accepted before its nbf (optional in LTI, binding when present).
            throw LtiException.untrusted("The id_token is not valid before " + nbf.toInstant() + ".");
        }
        if (!login.nonce().equals(LtiMessage.string(claims, "nonce"))) {
            throw LtiException.untrusted("The id_token's nonce does not belong to this login: it may be replayed.");
        }
        String deploymentId = LtiMessage.string(claims, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null || !platform.hasDeployment(deploymentId)) {
            throw LtiException.untrusted("Deployment " + deploymentId + " of " + platform.name() + " is not registered "
                    + "with the training server. Ask your training administrator to add it.");
        }
        String type = LtiMessage.string(claims, LtiClaims.MESSAGE_TYPE);
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(type) && !LtiClaims.DEEP_LINKING_REQUEST.equals(type)) {
            throw LtiException.badRequest("The training server does not handle LTI messages of type " + type + ".");
        }
        if (!LtiClaims.LTI_VERSION.equals(LtiMessage.string(claims, LtiClaims.VERSION))) {
            throw LtiException.badRequest("The launch is LTI version " + LtiMessage.string(claims, LtiClaims.VERSION)
                    + "; the training server speaks LTI 1.3.0.");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw LtiException.badRequest("The launch names no user (sub); anonymous launches cannot record training.");
        }
    }
}
