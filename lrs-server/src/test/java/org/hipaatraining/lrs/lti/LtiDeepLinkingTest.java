package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/** Deep linking: the course picker, and a signed response the platform can verify with the tool's published keys. */
class LtiDeepLinkingTest extends LtiIntegrationTest {

    @Test
    void theChosenCoursesGoBackAsASignedResponseThatVerifiesWithTheToolsKeys() throws Exception {
        HttpResponse<String> picker = deepLinkingLaunch();
        assertThat(picker.statusCode()).as(picker.body()).isEqualTo(200);
        assertThat(picker.body()).contains("Add HIPAA training").contains("value=\"role:front-desk\"")
                .contains("value=\"module:privacy\"").contains("type=\"checkbox\"");

        HttpResponse<String> answer = choose(token(picker.body()), "role:front-desk", "module:privacy");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("action=\"" + platform.base() + "/deep-link-return\"");
        SignedJWT jwt = SignedJWT.parse(field(answer.body(), "JWT"));
        JWKSet toolKeys = JWKSet.parse(get(TOOL + "/lti/jwks").body());
        RSAKey key = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(platform.clientId);
        assertThat(claims.getAudience()).containsExactly(platform.issuer());
        assertThat(claims.getExpirationTime()).isInTheFuture();
        assertThat(claims.getStringClaim("nonce")).isNotBlank();
        assertThat(claims.getStringClaim(LtiClaims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(LtiClaims.VERSION)).isEqualTo("1.3.0");
        assertThat(claims.getStringClaim(LtiClaims.DEPLOYMENT_ID)).isEqualTo(platform.deploymentId);
        assertThat(claims.getStringClaim(LtiClaims.DL_DATA)).startsWith("opaque-");
        List<Object> items = claims.getListClaim(LtiClaims.CONTENT_ITEMS);
        assertThat(items).hasSize(2);
        Map<?, ?> role = (Map<?, ?>) items.get(0);
        assertThat(role.get("type")).isEqualTo("ltiResourceLink");
        assertThat(role.get("url")).isEqualTo(TOOL + "/lti/launch");
        assertThat(role.get("custom")).isEqualTo(Map.of("role", "front-desk"));
        Map<?, ?> lineItem = (Map<?, ?>) role.get("lineItem");
        assertThat(((Number) lineItem.get("scoreMaximum")).intValue()).isEqualTo(100);
        assertThat((String) lineItem.get("label")).contains("Front desk");
        assertThat(((Map<?, ?>) items.get(1)).get("custom")).isEqualTo(Map.of("module", "privacy"));

        // the link the LMS makes from the item launches the role's course
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(),
                Map.of("role", "front-desk"));
        assertThat(launch(launch).headers().firstValue("Location").orElseThrow()).contains("/cmi5/content/role-front-desk/");
    }

    @Test
    void theReturnPageMayPostOnlyHereAndToThePlatformAndRunsNoInlineScript() {
        HttpResponse<String> picker = deepLinkingLaunch();
        HttpResponse<String> answer = choose(token(picker.body()), "module:privacy");

        String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("form-action 'self' " + platform.base()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(answer.body()).doesNotContainPattern("<script>[^<]");
        assertThat(picker.headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("form-action 'self'");
    }

    @Test
    void aReturnUrlThatIsNotHttpsIsRefused() {
        for (String url : List.of("javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
                "http://lms.example.org/return", "https://user:pw@lms.example.org/return", "//lms.example.org/x", "not a url")) {
            Login login = login("hint-dl-" + UUID.randomUUID());
            HttpResponse<String> picker = postLaunch(platform.idToken(login.nonce(), PlatformSimulator.Launch
                    .resourceLink("teacher-" + UUID.randomUUID(), Map.of()).deepLinking()
                    .with(claims -> claims.claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", url,
                            "accept_types", List.of("ltiResourceLink"), "accept_multiple", true)))), login.state());

            assertThat(picker.statusCode()).as(url).isEqualTo(400);
            assertThat(picker.body()).contains("not an https address").doesNotContain("value=\"module:privacy\"");
        }
    }

    @Test
    void aPickerCanBeUsedOnlyOnce() {
        String token = token(deepLinkingLaunch().body());
        assertThat(choose(token, "module:privacy").statusCode()).isEqualTo(200);
        HttpResponse<String> again = choose(token, "module:breach");
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void aChoiceOutsideTheCatalogueOrNoChoiceIsRefused() {
        assertThat(choose(token(deepLinkingLaunch().body()), "module:not-a-module").statusCode()).isEqualTo(400);
        assertThat(choose(token(deepLinkingLaunch().body())).statusCode()).isEqualTo(400);
    }

    @Test
    void theToolsKeySetIsPublicOnly() {
        HttpResponse<String> jwks = get(TOOL + "/lti/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").contains("\"n\"").contains("\"e\"").contains("\"kid\"")
                .doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    private HttpResponse<String> deepLinkingLaunch() {
        Login login = login("hint-dl-" + UUID.randomUUID());
        return postLaunch(platform.idToken(login.nonce(), PlatformSimulator.Launch
                .resourceLink("teacher-" + UUID.randomUUID(), Map.of()).deepLinking()), login.state());
    }

    private static HttpResponse<String> choose(String token, String... items) {
        StringBuilder form = new StringBuilder("token=" + token);
        for (String item : items) {
            form.append("&item=").append(java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return NO_REDIRECTS.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(TOOL + "/lti/deep-link"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String html) {
        return field(html, "token");
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name + " in " + html).isTrue();
        return m.group(1);
    }
}
