package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base for LTI tests: the LRS on a port known before start-up (the tool's public URL goes into redirect URIs and
 * launch links), fast outbox and sweep timings, and a platform simulator registered as an LMS for each test.
 */
@TestPropertySource(properties = {
        "lrs.lti.send-interval=200ms",
        "lrs.lti.retry-initial=300ms",
        "lrs.lti.grade-sweep-interval=1s",
        "lrs.packages.build-at-startup=false"
})
abstract class LtiIntegrationTest extends LrsIntegrationTest {

    static final int TOOL_PORT = freePort();
    static final String TOOL = "http://127.0.0.1:" + TOOL_PORT;
    static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    protected PlatformSimulator platform;
    protected String platformId;
    protected XapiHttp admin;

    @DynamicPropertySource
    static void tool(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> TOOL_PORT);
        registry.add("lrs.public-url", () -> TOOL);
    }

    @BeforeEach
    void registerPlatform() throws IOException {
        assertThat(port).isEqualTo(TOOL_PORT);
        admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        platform = new PlatformSimulator(TOOL + "/lti/jwks");
        HttpResponse<String> created = admin.postJson("/api/lti/platforms", platform.registrationJson("Simulated Moodle"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        platformId = XapiHttp.json(created).get("id").asString();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    /** A login the tool started: where it sent the browser, with the state and nonce it made. */
    record Login(URI location, Map<String, String> params) {
        String state() {
            return params.get("state");
        }

        String nonce() {
            return params.get("nonce");
        }
    }

    /** Step one, as the platform starts it: the tool must answer with a redirect to the platform's auth endpoint. */
    Login login(String loginHint) {
        HttpResponse<String> response = get(TOOL + "/lti/login?" + query(Map.of("iss", platform.issuer(),
                "login_hint", loginHint, "target_link_uri", TOOL + "/lti/launch", "lti_message_hint", "hint+/=" + loginHint,
                "client_id", platform.clientId, "lti_deployment_id", platform.deploymentId)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return new Login(location, PlatformSimulator.form(location.getRawQuery()));
    }

    /** Step two, as the platform's form post does it. */
    HttpResponse<String> postLaunch(String idToken, String state) {
        return post(TOOL + "/lti/launch", Map.of("id_token", idToken, "state", state));
    }

    /** A whole resource link launch; returns the tool's answer to the form post. */
    HttpResponse<String> launch(PlatformSimulator.Launch launch) {
        Login login = login("hint-" + UUID.randomUUID());
        return postLaunch(platform.idToken(login.nonce(), launch), login.state());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static HttpResponse<String> post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build());
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return NO_REDIRECTS.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
