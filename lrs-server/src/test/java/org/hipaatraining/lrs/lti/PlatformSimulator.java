package org.hipaatraining.lrs.lti;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake LMS for the tool to talk to, on a real socket: its own RSA key and JWKS, an OIDC authentication endpoint that
 * answers with an auto-submitting form post of a signed id_token (as Moodle and Canvas do), a token endpoint that checks
 * the tool's client assertion against the tool's published JWKS, AGS score endpoints and an NRPS members endpoint
 * that record what they get, a deep linking return URL, and a course page that shows the tool in an iframe.
 */
final class PlatformSimulator implements AutoCloseable {

    /** What the platform says about a launch; {@code tweak} changes the claims, {@code signer} the key. */
    record Launch(String sub, String name, String email, String messageType, String resourceLinkId,
                  Map<String, String> custom, boolean graded, Consumer<JWTClaimsSet.Builder> tweak, RSAKey signer) {

        static Launch resourceLink(String sub, Map<String, String> custom) {
            return new Launch(sub, "Pat " + sub, null, LtiClaims.RESOURCE_LINK_REQUEST, "link-" + UUID.randomUUID(), custom,
                    true, b -> { }, null);
        }

        Launch with(Consumer<JWTClaimsSet.Builder> more) {
            return new Launch(sub, name, email, messageType, resourceLinkId, custom, graded, tweak.andThen(more), signer);
        }

        Launch signedBy(RSAKey key) {
            return new Launch(sub, name, email, messageType, resourceLinkId, custom, graded, tweak, key);
        }

        Launch deepLinking() {
            return new Launch(sub, name, email, LtiClaims.DEEP_LINKING_REQUEST, null, Map.of(), false, tweak, signer);
        }
    }

    final String clientId = "sim-client-" + UUID.randomUUID().toString().substring(0, 8);
    final String deploymentId = "sim-deployment-1";
    final RSAKey key = rsa();
    final RSAKey unpublishedKey = rsa();
    final Map<String, Launch> launchesByLoginHint = new ConcurrentHashMap<>();
    final List<Map<String, String>> authRequests = Collections.synchronizedList(new ArrayList<>());
    final List<String> scores = Collections.synchronizedList(new ArrayList<>());
    final List<String> scorePaths = Collections.synchronizedList(new ArrayList<>());
    final List<String> tokenScopes = Collections.synchronizedList(new ArrayList<>());
    final List<String> deepLinkResponses = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> members = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failNextScores = new AtomicInteger();
    final AtomicInteger scoreCalls = new AtomicInteger();
    private final Map<String, Boolean> issuedTokens = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String toolJwksUrl;

    PlatformSimulator(String toolJwksUrl) throws IOException {
        this.toolJwksUrl = toolJwksUrl;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", e -> send(e, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/auth", this::authenticate);
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::score);
        server.createContext("/memberships", this::memberships);
        server.createContext("/course", e -> send(e, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><h1>Clinic onboarding</h1><iframe id='tool' title='HIPAA training' "
                        + "style='width:100%;height:900px' src='" + form(e.getRequestURI().getRawQuery()).get("src")
                        .replace("'", "%27") + "'></iframe></body></html>"));
        server.createContext("/deep-link-return", e -> {
            deepLinkResponses.add(form(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("JWT"));
            send(e, 200, "text/html", "<p id='done'>Added</p>");
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return base();
    }

    String lineItem(String resourceLinkId) {
        return base() + "/lineitems/" + Math.abs(resourceLinkId.hashCode()) + "/lineitem?type_id=1";
    }

    /** The registration an admin would enter for this platform. */
    String registrationJson(String name) {
        return """
                {"name":"%s","issuer":"%s","clientId":"%s","deploymentIds":["%s"],"authLoginUrl":"%s/auth",
                 "tokenUrl":"%s/token","jwksUrl":"%s/jwks"}""".formatted(name, issuer(), clientId, deploymentId, base(), base(), base());
    }

    /** A signed id_token for a launch, as the platform would post it. */
    String idToken(String nonce, Launch launch) {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(clientId).subject(launch.sub())
                .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).claim("nonce", nonce)
                .claim("azp", clientId).claim("name", launch.name()).claim("email", launch.email())
                .claim(LtiClaims.MESSAGE_TYPE, launch.messageType()).claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
                .claim(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "Clinic onboarding"))
                .claim(LtiClaims.NRPS, Map.of("context_memberships_url", base() + "/memberships", "service_versions", List.of("2.0")));
        if (launch.resourceLinkId() != null) {
            claims.claim(LtiClaims.RESOURCE_LINK, Map.of("id", launch.resourceLinkId(), "title", "HIPAA training"))
                    .claim(LtiClaims.CUSTOM, launch.custom());
        }
        if (launch.graded()) {
            claims.claim(LtiClaims.AGS_ENDPOINT, Map.of("scope", List.of(LtiClaims.SCOPE_LINEITEM, LtiClaims.SCOPE_SCORE),
                    "lineitems", base() + "/lineitems", "lineitem", lineItem(launch.resourceLinkId())));
        }
        if (LtiClaims.DEEP_LINKING_REQUEST.equals(launch.messageType())) {
            claims.claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", base() + "/deep-link-return",
                    "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe", "window"),
                    "accept_multiple", true, "accept_lineitem", true, "data", "opaque-" + nonce.substring(0, 6)));
        }
        launch.tweak().accept(claims);
        return sign(claims.build(), launch.signer() == null ? key : launch.signer());
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** OIDC authentication request: answers with the form post of the id_token to the tool's redirect URI. */
    private void authenticate(HttpExchange e) throws IOException {
        Map<String, String> params = form(e.getRequestURI().getRawQuery());
        authRequests.add(params);
        Launch launch = launchesByLoginHint.get(params.getOrDefault("login_hint", ""));
        if (launch == null || !clientId.equals(params.get("client_id"))) {
            send(e, 400, "text/plain", "unknown login_hint or client_id");
            return;
        }
        String html = "<!DOCTYPE html><html><body><form id='f' method='post' action='" + params.get("redirect_uri") + "'>"
                + "<input type='hidden' name='id_token' value='" + idToken(params.get("nonce"), launch) + "'>"
                + "<input type='hidden' name='state' value='" + params.get("state") + "'></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>";
        send(e, 200, "text/html; charset=utf-8", html);
    }

    /** client_credentials with a JWT client assertion, verified against the tool's published keys. */
    private void token(HttpExchange e) throws IOException {
        Map<String, String> form = form(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
            JWKSet toolKeys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(toolJwksUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            boolean valid = toolKey != null && assertion.verify(new RSASSAVerifier(toolKey))
                    && "client_credentials".equals(form.get("grant_type"))
                    && LtiClaims.CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))
                    && clientId.equals(claims.getIssuer()) && clientId.equals(claims.getSubject())
                    && claims.getAudience().contains(base() + "/token") && claims.getExpirationTime().after(new Date());
            if (!valid) {
                send(e, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
        } catch (Exception ex) {
            send(e, 400, "application/json", "{\"error\":\"invalid_request\",\"error_description\":\"" + ex.getMessage() + "\"}");
            return;
        }
        String token = "sim-token-" + UUID.randomUUID();
        issuedTokens.put(token, true);
        tokenScopes.add(form.get("scope"));
        send(e, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"scope\":\"" + form.get("scope") + "\"}");
    }

    private void score(HttpExchange e) throws IOException {
        scoreCalls.incrementAndGet();
        if (!authorized(e) || !"POST".equals(e.getRequestMethod())
                || !LtiClaims.SCORE_TYPE.equals(e.getRequestHeaders().getFirst("Content-Type"))
                || !e.getRequestURI().getPath().endsWith("/lineitem/scores")) {
            send(e, 400, "text/plain", "expected an authorized score POST to <lineitem>/scores");
            return;
        }
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failNextScores.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(e, 500, "text/plain", "simulated outage");
            return;
        }
        scores.add(body);
        scorePaths.add(e.getRequestURI().toString());
        send(e, 204, null, null);
    }

    private void memberships(HttpExchange e) throws IOException {
        if (!authorized(e) || !LtiClaims.MEMBERSHIP_TYPE.equals(e.getRequestHeaders().getFirst("Accept"))) {
            send(e, 401, "text/plain", "expected a bearer token and the membership container type");
            return;
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("id", base() + "/memberships");
        container.put("context", Map.of("id", "course-1", "title", "Clinic onboarding"));
        container.put("members", members);
        send(e, 200, LtiClaims.MEMBERSHIP_TYPE, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(container));
    }

    private boolean authorized(HttpExchange e) {
        String auth = e.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && issuedTokens.containsKey(auth.substring(7));
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            e.getResponseHeaders().set("Content-Type", type);
        }
        e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            e.getResponseBody().write(bytes);
        }
        e.close();
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> params = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
