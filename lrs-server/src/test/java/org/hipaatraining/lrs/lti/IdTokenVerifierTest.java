package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.hipaatraining.lrs.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/**
 * The id_token checks of the LTI Security Framework (5.1.3), without a server: tokens signed in the test with RSA keys
 * generated here, the platform's JWKS served from memory through a fake {@link PlatformHttp}, platforms from a fake
 * {@link LtiPlatformStore}, and a clock the test moves.
 */
class IdTokenVerifierTest {

    private static final String ISSUER = "https://moodle.clinic.example";
    private static final String CLIENT_ID = "tool-client-7";
    private static final String DEPLOYMENT = "deployment-1";
    private static final String JWKS_URL = "https://moodle.clinic.example/mod/lti/certs.php";
    private static final String NONCE = "nonce-of-this-login";
    private static final Instant NOW = Instant.parse("2027-01-20T09:30:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final RSAKey PLATFORM_KEY = rsa("platform-key-1");
    private static final RSAKey OTHER_KEY = rsa("platform-key-1");
    private static final RSAKey ROTATED_KEY = rsa("platform-key-2");

    private final MovableClock clock = new MovableClock(NOW);
    private final FakeHttp http = new FakeHttp();
    private final FakePlatformStore store = new FakePlatformStore();
    private final IdTokenVerifier verifier = new IdTokenVerifier(new LtiPlatforms(store, clock), new PlatformKeySets(http, clock),
            new LtiSettings(Duration.ofMinutes(10), SKEW, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofHours(1),
                    Duration.ofSeconds(5)), clock);
    private final LtiPlatform platform = new LtiPlatform("platform-1", "Clinic Moodle", ISSUER, CLIENT_ID, List.of(DEPLOYMENT),
            ISSUER + "/mod/lti/auth.php", ISSUER + "/mod/lti/token.php", JWKS_URL, null, NOW, NOW);
    private final LoginStateStore.LoginState login = new LoginStateStore.LoginState("state-1", NONCE, "platform-1",
            "https://training.clinic.example/lti/launch", NOW.plusSeconds(600));

    {
        store.platforms.put(platform.id(), platform);
        http.publish(PLATFORM_KEY);
    }

    // ---- collaborators in memory

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the platform's key set; counts the fetches; can fail like a platform that is down. */
    static final class FakeHttp extends PlatformHttp {
        final List<JWK> published = new ArrayList<>();
        final List<String> fetched = new ArrayList<>();
        boolean down;

        void publish(RSAKey... keys) {
            published.clear();
            for (RSAKey key : keys) {
                published.add(key.toPublicJWK());
            }
        }

        @Override
        Response get(String url, String accept, String bearerToken) throws IOException {
            fetched.add(url);
            if (down) {
                throw new IOException("connection refused");
            }
            return new Response(200, new JWKSet(published).toString(), null);
        }
    }

    static final class FakePlatformStore extends LtiPlatformStore {
        final Map<String, LtiPlatform> platforms = new HashMap<>();

        FakePlatformStore() {
            super(null);
        }

        @Override
        Optional<LtiPlatform> find(String id) {
            return Optional.ofNullable(platforms.get(id));
        }
    }

    // ---- tokens

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT_ID).subject("moodle-user-42")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", NONCE).claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST).claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.TARGET_LINK_URI, "https://training.clinic.example/lti/launch")
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-9"))
                .claim(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
    }

    private static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(PLATFORM_KEY, PLATFORM_KEY.getKeyID(), change.apply(claims()).build());
    }

    private void assertRefused(String idToken, HttpStatus status, String message) {
        assertRefused(idToken, login, status, message);
    }

    private void assertRefused(String idToken, LoginStateStore.LoginState login, HttpStatus status, String message) {
        assertThatThrownBy(() -> verifier.verify(idToken, login)).isInstanceOfSatisfying(LtiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    // ---- the token a platform sends

    @Test
    void aValidResourceLinkLaunchIsTheMessageOfItsPlatform() {
        LtiMessage message = verifier.verify(token(c -> c), login);
        assertThat(message.platform()).isEqualTo(platform);
        assertThat(message.claims().getSubject()).isEqualTo("moodle-user-42");
        assertThat(http.fetched).containsExactly(JWKS_URL);
        verifier.verify(token(c -> c.jwtID("second")), login);
        assertThat(http.fetched).as("the key set is kept").hasSize(1);
    }

    @Test
    void aDeepLinkingRequestIsAccepted() {
        LtiMessage message = verifier.verify(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)), login);
        assertThat(LtiMessage.string(message.claims(), LtiClaims.MESSAGE_TYPE)).isEqualTo(LtiClaims.DEEP_LINKING_REQUEST);
    }

    @Test
    void surroundingWhitespaceFromTheFormIsIgnored() {
        assertThat(verifier.verify("\n " + token(c -> c) + " \n", login).claims().getIssuer()).isEqualTo(ISSUER);
    }

    // ---- not a signed JWT

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   "})
    void noIdTokenIsABadRequest(String idToken) {
        assertRefused(idToken, HttpStatus.BAD_REQUEST, "The LMS sent no id_token.");
        assertRefused(null, HttpStatus.BAD_REQUEST, "The LMS sent no id_token.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0"})
    void garbageIsNotASignedJwt(String idToken) {
        assertRefused(idToken, HttpStatus.BAD_REQUEST, "not a signed JWT");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String plain = new PlainJWT(claims().build()).serialize();
        assertRefused(plain, HttpStatus.BAD_REQUEST, "not a signed JWT");
        // the same, with a signature part glued on
        assertRefused(plain + "c2lnbmF0dXJl", HttpStatus.BAD_REQUEST, "not a signed JWT");
    }

    @Test
    void anHmacTokenKeyedWithThePlatformsPublicKeyIsRefused() throws JOSEException {
        // The classic algorithm confusion: HS256 with the published RSA public key as the shared secret.
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(PLATFORM_KEY.getKeyID()).build(),
                claims().build());
        hs256.sign(new MACSigner(PLATFORM_KEY.toPublicKey().getEncoded()));
        assertRefused(hs256.serialize(), HttpStatus.UNAUTHORIZED, "signed with HS256; LTI requires RS256");
    }

    @Test
    void otherRsaAlgorithmsAreRefused() throws JOSEException {
        SignedJWT rs512 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(PLATFORM_KEY.getKeyID()).build(),
                claims().build());
        rs512.sign(new RSASSASigner(PLATFORM_KEY));
        assertRefused(rs512.serialize(), HttpStatus.UNAUTHORIZED, "signed with RS512");
    }

    // ---- keys

    @Test
    void aTokenSignedWithAnotherKeyUnderThePlatformsKeyIdIsRefused() {
        assertRefused(sign(OTHER_KEY, PLATFORM_KEY.getKeyID(), claims().build()), HttpStatus.UNAUTHORIZED,
                "The id_token's signature does not match Clinic Moodle's key.");
    }

    @Test
    void aTamperedPayloadDoesNotMatchTheSignature() {
        String[] parts = token(c -> c).split("\\.");
        String forged = sign(PLATFORM_KEY, PLATFORM_KEY.getKeyID(), claims().subject("admin").build()).split("\\.")[1];
        assertRefused(parts[0] + "." + forged + "." + parts[2], HttpStatus.UNAUTHORIZED, "signature does not match");
    }

    @Test
    void aKeyIdThePlatformDoesNotPublishIsRefusedWithoutHammeringThePlatform() {
        String unknownKid = sign(ROTATED_KEY, ROTATED_KEY.getKeyID(), claims().build());
        assertRefused(unknownKid, HttpStatus.UNAUTHORIZED, "signed with a key 'platform-key-2' that Clinic Moodle does not "
                + "publish at " + JWKS_URL);
        assertRefused(unknownKid, HttpStatus.UNAUTHORIZED, "does not publish");
        assertThat(http.fetched).as("fetched once, not again within the pause").hasSize(1);
    }

    @Test
    void aRotatedKeyIsFetchedAfterThePause() {
        verifier.verify(token(c -> c), login);
        http.publish(PLATFORM_KEY, ROTATED_KEY);
        clock.set(NOW.plus(PlatformKeySets.REFETCH_PAUSE).plusSeconds(1));
        String rotated = sign(ROTATED_KEY, ROTATED_KEY.getKeyID(), claims().issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(300))).build());
        assertThat(verifier.verify(rotated, login).claims().getSubject()).isEqualTo("moodle-user-42");
        assertThat(http.fetched).hasSize(2);
    }

    @Test
    void withoutAKeyIdOnlyAPlatformsSingleKeyIsUsed() {
        String noKid = sign(PLATFORM_KEY, null, claims().build());
        assertThat(verifier.verify(noKid, login).claims().getSubject()).isEqualTo("moodle-user-42");

        FakeHttp twoKeys = new FakeHttp();
        twoKeys.publish(PLATFORM_KEY, ROTATED_KEY);
        IdTokenVerifier ambiguous = new IdTokenVerifier(new LtiPlatforms(store, clock), new PlatformKeySets(twoKeys, clock),
                new LtiSettings(Duration.ofMinutes(10), SKEW, null, null, null, null), clock);
        assertThatThrownBy(() -> ambiguous.verify(noKid, login)).isInstanceOf(LtiException.class)
                .hasMessageContaining("signed with a key without an id");
    }

    @Test
    void unreadablePlatformKeysRefuseTheLaunch() {
        http.down = true;
        assertRefused(token(c -> c), HttpStatus.UNAUTHORIZED, "The keys of Clinic Moodle could not be read from " + JWKS_URL);
    }

    @Test
    void aPlatformRemovedSinceTheLoginIsUntrusted() {
        store.platforms.clear();
        assertRefused(token(c -> c), HttpStatus.UNAUTHORIZED, "no longer registered");
    }

    // ---- issuer, audience, azp

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(token(c -> c.issuer("https://evil.example")), HttpStatus.UNAUTHORIZED,
                "issued by https://evil.example, not by " + ISSUER);
        assertRefused(token(c -> c.issuer(null)), HttpStatus.UNAUTHORIZED, "issued by null");
    }

    @Test
    void anotherAudienceIsRefused() {
        assertRefused(token(c -> c.audience("another-tool")), HttpStatus.UNAUTHORIZED, "not for this tool (client id "
                + CLIENT_ID + ")");
        assertRefused(token(c -> c.audience((String) null)), HttpStatus.UNAUTHORIZED, "not for this tool");
    }

    @Test
    void severalAudiencesNeedThisToolAsAzp() {
        assertThat(verifier.verify(token(c -> c.audience(List.of("another-tool", CLIENT_ID)).claim("azp", CLIENT_ID)), login))
                .isNotNull();
        assertRefused(token(c -> c.audience(List.of("another-tool", CLIENT_ID))), HttpStatus.UNAUTHORIZED, "its azp is not");
        assertRefused(token(c -> c.audience(List.of(CLIENT_ID, "another-tool")).claim("azp", "another-tool")),
                HttpStatus.UNAUTHORIZED, "its azp is not");
    }

    @Test
    void anAzpForAnotherToolIsRefusedEvenWithOneAudience() {
        assertRefused(token(c -> c.claim("azp", "another-tool")), HttpStatus.UNAUTHORIZED, "azp");
        assertThat(verifier.verify(token(c -> c.claim("azp", CLIENT_ID)), login)).isNotNull();
    }

    // ---- time, with the clock skew allowed

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkew() {
        assertThat(verifier.verify(token(c -> c.expirationTime(Date.from(NOW.minus(SKEW).plusSeconds(1)))), login)).isNotNull();
        assertRefused(token(c -> c.expirationTime(Date.from(NOW.minus(SKEW)))), HttpStatus.UNAUTHORIZED, "has expired");
        assertRefused(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(3600)))), HttpStatus.UNAUTHORIZED, "has expired");
        assertRefused(token(c -> c.expirationTime(null)), HttpStatus.UNAUTHORIZED, "has expired");
    }

    @Test
    void anIssueTimeInTheFutureIsRefusedBeyondTheClockSkew() {
        assertThat(verifier.verify(token(c -> c.issueTime(Date.from(NOW.plus(SKEW)))), login)).isNotNull();
        assertRefused(token(c -> c.issueTime(Date.from(NOW.plus(SKEW).plusSeconds(1)))), HttpStatus.UNAUTHORIZED,
                "issue time is missing or in the future");
        assertRefused(token(c -> c.issueTime(null)), HttpStatus.UNAUTHORIZED, "issue time is missing");
    }

    @Test
    void aTokenNotYetValidIsRefusedBeyondTheClockSkew() {
        assertThat(verifier.verify(token(c -> c.notBeforeTime(Date.from(NOW.plus(SKEW)))), login)).isNotNull();
        assertRefused(token(c -> c.notBeforeTime(Date.from(NOW.plus(SKEW).plusSeconds(1)))), HttpStatus.UNAUTHORIZED,
                "not valid before");
    }

    // ---- nonce: this login's, so a token cannot be replayed into another

    @Test
    void aNonceOfAnotherLoginIsRefused() {
        assertRefused(token(c -> c.claim("nonce", "nonce-of-another-login")), HttpStatus.UNAUTHORIZED,
                "nonce does not belong to this login: it may be replayed");
        assertRefused(token(c -> c.claim("nonce", null)), HttpStatus.UNAUTHORIZED, "nonce does not belong");
    }

    @Test
    void aTokenReplayedIntoALaterLoginIsRefused() {
        String captured = token(c -> c);
        assertThat(verifier.verify(captured, login)).isNotNull();
        LoginStateStore.LoginState later = new LoginStateStore.LoginState("state-2", "nonce-of-the-later-login", "platform-1",
                login.targetLinkUri(), NOW.plusSeconds(600));
        assertRefused(captured, later, HttpStatus.UNAUTHORIZED, "it may be replayed");
    }

    // ---- the LTI claims

    @Test
    void anUnregisteredOrMissingDeploymentIsRefused() {
        assertRefused(token(c -> c.claim(LtiClaims.DEPLOYMENT_ID, "deployment-2")), HttpStatus.UNAUTHORIZED,
                "Deployment deployment-2 of Clinic Moodle is not registered");
        assertRefused(token(c -> c.claim(LtiClaims.DEPLOYMENT_ID, null)), HttpStatus.UNAUTHORIZED,
                "Deployment null of Clinic Moodle is not registered");
    }

    @Test
    void anUnsupportedOrMissingMessageTypeIsABadRequest() {
        assertRefused(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest")), HttpStatus.BAD_REQUEST,
                "does not handle LTI messages of type LtiSubmissionReviewRequest");
        assertRefused(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, null)), HttpStatus.BAD_REQUEST, "of type null");
        assertRefused(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)), HttpStatus.BAD_REQUEST,
                "of type LtiDeepLinkingResponse");
    }

    @Test
    void anotherOrMissingLtiVersionIsABadRequest() {
        assertRefused(token(c -> c.claim(LtiClaims.VERSION, "1.1")), HttpStatus.BAD_REQUEST, "The launch is LTI version 1.1");
        assertRefused(token(c -> c.claim(LtiClaims.VERSION, null)), HttpStatus.BAD_REQUEST, "LTI version null");
    }

    @Test
    void aLaunchWithoutAUserIsABadRequest() {
        assertRefused(token(c -> c.subject(null)), HttpStatus.BAD_REQUEST, "names no user (sub)");
        assertRefused(token(c -> c.subject(" ")), HttpStatus.BAD_REQUEST, "names no user (sub)");
    }

    @Test
    void theSignatureIsCheckedBeforeAnyClaim() {
        // A forged token with every claim wrong is refused for its signature, so claims of unsigned data never leak.
        assertRefused(sign(OTHER_KEY, PLATFORM_KEY.getKeyID(), new JWTClaimsSet.Builder().issuer("x").build()),
                HttpStatus.UNAUTHORIZED, "signature does not match");
    }
}
