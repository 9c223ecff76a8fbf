package org.hipaatraining.lrs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Failed sign-ins are counted per account and per address, a lock refuses even the right password until it expires or
 * an admin lifts it, and every failure is a security event in the log. A server of its own (own database): here the
 * test client's address, 127.0.0.1, gets locked, and 127.0.0.1 is not a trusted proxy, so a client's X-Forwarded-*
 * headers are ignored, as they are from any client on the internet.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest extends LrsIntegrationTest {

    private static final int ACCOUNT_LIMIT = 3;
    private static final int ADDRESS_LIMIT = 10;

    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("lrs-sign-in"));
        registry.add("lrs.security.sign-in.account-max-failures", () -> ACCOUNT_LIMIT);
        registry.add("lrs.security.sign-in.address-max-failures", () -> ADDRESS_LIMIT);
        registry.add("lrs.security.sign-in.lock-refresh", () -> "0s");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "192\\.0\\.2\\.10");
    }

    @Autowired
    ClientService clients;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AdminUserService admins;

    @AfterEach
    void liftEverything() {
        throttle.records().forEach(r -> throttle.lift(r.id(), "test"));
    }

    private XapiHttp newClient() {
        ClientService.IssuedCredential issued = clients.create("throttled " + UUID.randomUUID(), EnumSet.of(Scope.ALL));
        return xapi.credentials(issued.key(), issued.secret());
    }

    private XapiHttp admin() {
        return XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
    }

    private static HttpResponse<String> read(XapiHttp client) {
        return client.get("/xapi/statements", params("limit", "1"));
    }

    @Test
    void aLockedClientKeyIsRefusedEvenWithItsSecretUntilAnAdminLiftsIt(CapturedOutput log) {
        ClientService.IssuedCredential issued = clients.create("locked " + UUID.randomUUID(), EnumSet.of(Scope.ALL));
        XapiHttp right = xapi.credentials(issued.key(), issued.secret());
        XapiHttp wrong = xapi.credentials(issued.key(), "not-the-secret");
        assertThat(read(right).statusCode()).isEqualTo(200);

        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            assertThat(read(wrong).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = read(right);

        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(json(locked).get("message").asString()).contains("too many failed sign-ins for this account");
        assertThat(read(newClient()).statusCode()).as("other keys from the same address").isEqualTo(200);
        assertThat(log.getOut()).contains("sign-in failed: channel=xapi-client account=\"" + issued.key() + "\" address=127.0.0.1")
                .contains("sign-in lock: account|xapi-client|" + issued.key() + " after " + ACCOUNT_LIMIT + " failed attempts");

        HttpResponse<String> list = admin().get("/api/admin/sign-in-locks");
        assertThat(list.statusCode()).isEqualTo(200);
        String id = "account|xapi-client|" + issued.key();
        assertThat(json(list).valueStream().filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow()
                .get("lockedUntil").isNull()).isFalse();
        assertThat(admin().delete("/api/admin/sign-in-locks", params("id", id)).statusCode()).isEqualTo(204);
        assertThat(read(right).statusCode()).isEqualTo(200);
        assertThat(log.getOut()).contains("sign-in lock lifted: " + id + " by admin");
    }

    @Test
    void anAddressThatFailsTooOftenIsLockedForEveryAccountAndForwardedHeadersDoNotHelp() {
        XapiHttp good = newClient();
        for (int i = 0; i < ADDRESS_LIMIT; i++) {
            HttpResponse<String> guess = xapi.credentials("guess-" + UUID.randomUUID(), "guess").get("/xapi/statements",
                    params("limit", "1"), "X-Forwarded-For", "203.0.113." + i);
            assertThat(guess.statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = read(good);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("message").asString()).contains("too many failed sign-ins for this address");
        assertThat(admin().get("/api/admin/sign-in-locks").statusCode()).as("admins too, from that address").isEqualTo(401);
        assertThat(throttle.find("address|127.0.0.1").orElseThrow().locked(Clock.systemUTC().instant())).isTrue();
        assertThat(throttle.lift("address|127.0.0.1", "test")).isTrue();
        assertThat(read(good).statusCode()).isEqualTo(200);
    }

    @Test
    void theSignInFormSaysWhenALockStopsItAndTheAdminPageLiftsIt() throws Exception {
        String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        admins.save(auditor, "auditor-password-1", AdminRole.AUDITOR);
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            assertThat(formSignIn(auditor, "wrong-password").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }

        HttpResponse<String> locked = formSignIn(auditor, "auditor-password-1");

        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
        HttpResponse<String> page = admin().get("/admin/sign-in-locks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(auditor).contains("Lift lock");
        HttpResponse<String> lift = admin().send("POST", "/admin/sign-in-locks/lift", Map.of(),
                ("id=" + URLEncoder.encode("account|admin-user|" + auditor, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(lift.statusCode()).isEqualTo(302);
        assertThat(formSignIn(auditor, "auditor-password-1").headers().firstValue("Location").orElseThrow()).endsWith("/admin");
    }

    @Test
    void instancesShareTheCountsThroughTheDatabase() {
        SignInSettings settings = new SignInSettings(ACCOUNT_LIMIT, ADDRESS_LIMIT, Duration.ofMinutes(15),
                Duration.ofMinutes(15), Duration.ZERO);
        SignInThrottle other = new SignInThrottle(mongo, settings, Clock.systemUTC());
        SignInAttempt attempt = new SignInAttempt(SignInAttempt.Channel.ADMIN, "shared-" + UUID.randomUUID(), "198.51.100.7");

        throttle.failed(attempt, "bad-credentials");
        other.failed(attempt, "bad-credentials");
        throttle.failed(attempt, "bad-credentials");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.checkNotLocked(attempt))
                .hasMessageContaining("too many failed sign-ins");
        assertThat(throttle.find("account|admin-user|" + attempt.account()).orElseThrow().failures()).isEqualTo(ACCOUNT_LIMIT);
    }

    @Test
    void aClientsForwardedHostCannotSendTheAdminElsewhere() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        String location = admin.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    /** Signs in through the form as a browser would: the sign-in page for the CSRF token and cookie, then the post. */
    private HttpResponse<String> formSignIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
