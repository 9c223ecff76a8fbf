package org.hipaatraining.lrs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AuthTest extends LrsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ClientService clients;

    @Autowired
    AdminUserService admins;

    private XapiHttp client(Scope... scopes) {
        ClientService.IssuedCredential issued = clients.create("test " + UUID.randomUUID(), EnumSet.of(scopes[0], scopes));
        return xapi.credentials(issued.key(), issued.secret());
    }

    private HttpResponse<String> admin(String method, String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(HttpResponse<String> result) {
        assertThat(result.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(result).get("statements").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    @Test
    void missingOrWrongCredentialsAre401WithAChallenge() {
        HttpResponse<String> none = xapi.anonymous().get("/xapi/statements", params("limit", "1"));
        HttpResponse<String> wrongSecret = xapi.credentials(KEY, "not-the-secret").get("/xapi/statements", params("limit", "1"));
        HttpResponse<String> unknownKey = xapi.credentials("nobody", "whatever-secret").postJson("/xapi/statements",
                Statements.completed(XapiHttp.uniqueMbox(), Statements.activityId()));

        for (HttpResponse<String> response : List.of(none, wrongSecret, unknownKey)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(json(response).get("message").asString()).contains("credentials");
        }
    }

    @Test
    void aboutIsOpenWithoutCredentialsOrVersion() {
        HttpResponse<String> about = xapi.anonymous().version(null).get("/xapi/about");

        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(json(about).get("version").toString()).contains("1.0.3").contains("2.0.0");
    }

    @Test
    void writeOnlyCannotRead() {
        XapiHttp writer = client(Scope.STATEMENTS_WRITE);

        HttpResponse<String> post = writer.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId()));
        String id = json(post).get(0).asString();

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(writer.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(403);
        assertThat(writer.get("/xapi/activities/state", params("activityId", Statements.activityId(), "agent",
                Statements.agent(XapiHttp.uniqueMbox()))).statusCode()).isEqualTo(403);
        assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(200);
    }

    @Test
    void readMineSeesOnlyItsOwnAuthoritysStatements() {
        XapiHttp lms = client(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE);
        String mbox = XapiHttp.uniqueMbox();
        String own = json(lms.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()))).get(0).asString();
        String others = json(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())))
                .get(0).asString();

        assertThat(ids(lms.get("/xapi/statements", params("agent", Statements.agent(mbox))))).containsExactly(own);
        assertThat(ids(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox)))))
                .containsExactlyInAnyOrder(own, others);
        assertThat(lms.get("/xapi/statements", params("statementId", others)).statusCode()).isEqualTo(404);
        assertThat(lms.get("/xapi/statements", params("statementId", own)).statusCode()).isEqualTo(200);
    }

    @Test
    void stateScopeAllowsStateOnly() {
        XapiHttp content = client(Scope.STATE);
        Map<String, String> key = params("activityId", Statements.activityId(), "agent",
                Statements.agent(XapiHttp.uniqueMbox()), "stateId", "resume");

        assertThat(content.putJson("/xapi/activities/state", "{\"page\":2}", key).statusCode()).isEqualTo(204);
        assertThat(content.get("/xapi/activities/state", key).statusCode()).isEqualTo(200);
        assertThat(content.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(403);
        assertThat(content.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId())).statusCode()).isEqualTo(403);
        assertThat(content.putJson("/xapi/activities/profile", "{}", params("activityId", Statements.activityId(),
                "profileId", "p"), "If-None-Match", "*").statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedClientIsRefused() {
        ClientService.IssuedCredential issued = clients.create("soon revoked", EnumSet.of(Scope.ALL));
        XapiHttp client = xapi.credentials(issued.key(), issued.secret());
        assertThat(client.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(200);

        assertThat(clients.revoke(issued.key())).isTrue();

        assertThat(client.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(401);
    }

    @Test
    void theAuthorityComesFromTheCredentialNotTheRequest() {
        ClientService.IssuedCredential issued = clients.create("Front desk tablets", EnumSet.of(Scope.STATEMENTS_WRITE,
                Scope.STATEMENTS_READ_MINE));
        XapiHttp client = xapi.credentials(issued.key(), issued.secret());
        String statement = Statements.completed(XapiHttp.uniqueMbox(), Statements.activityId()).replace("\"timestamp\":",
                "\"authority\": {\"objectType\": \"Agent\", \"mbox\": \"mailto:forger@evil.example\"}, \"timestamp\":");

        String id = json(client.postJson("/xapi/statements", statement)).get(0).asString();

        JsonNode authority = json(client.get("/xapi/statements", params("statementId", id))).get("authority");
        assertThat(authority.has("mbox")).isFalse();
        assertThat(authority.get("account").get("name").asString()).isEqualTo(issued.key());
        assertThat(authority.get("name").asString()).isEqualTo("Front desk tablets");
    }

    @Test
    void adminsManageClientsOverTheAdminApi() throws Exception {
        HttpResponse<String> created = admin("POST", "/api/admin/clients", "admin", ADMIN_PASSWORD,
                "{\"name\":\"Moodle\",\"scopes\":[\"statements/write\",\"statements/read/mine\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = json(created).get("key").asString();
        String secret = json(created).get("secret").asString();
        XapiHttp moodle = xapi.credentials(key, secret);
        assertThat(moodle.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId())).statusCode()).isEqualTo(200);

        HttpResponse<String> list = admin("GET", "/api/admin/clients", "admin", ADMIN_PASSWORD, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(key).doesNotContain(secret);

        assertThat(admin("DELETE", "/api/admin/clients/" + key, "admin", ADMIN_PASSWORD, null).statusCode()).isEqualTo(204);
        assertThat(moodle.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(401);
        assertThat(admin("DELETE", "/api/admin/clients/no-such-key", "admin", ADMIN_PASSWORD, null).statusCode())
                .isEqualTo(404);
        assertThat(admin("POST", "/api/admin/clients", "admin", ADMIN_PASSWORD, "{\"name\":\"x\",\"scopes\":[\"root\"]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void auditorsAndXapiClientsCannotManageClients() throws Exception {
        String auditor = "auditor-" + UUID.randomUUID();
        admins.save(auditor, "auditor-password", AdminRole.AUDITOR);
        String body = "{\"name\":\"Sneaky\",\"scopes\":[\"all\"]}";

        assertThat(admin("GET", "/api/admin/clients", auditor, "auditor-password", null).statusCode()).isEqualTo(403);
        assertThat(admin("POST", "/api/admin/clients", auditor, "auditor-password", body).statusCode()).isEqualTo(403);
        assertThat(admin("DELETE", "/api/admin/clients/" + KEY, auditor, "auditor-password", null).statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/api/admin/clients", null, null, null).statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/api/admin/clients", KEY, SECRET, null).statusCode()).isEqualTo(401);
        assertThat(xapi.credentials("admin", ADMIN_PASSWORD).get("/xapi/statements", params("limit", "1")).statusCode())
                .isEqualTo(401);
        assertThat(xapi.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightFromAnotherOriginNeedsNoCredentials() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://content.hipaa-training.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version")
                .build();

        HttpResponse<String> response = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> actual = xapi.get("/xapi/statements", params("limit", "1"),
                "Origin", "https://content.hipaa-training.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://content.hipaa-training.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization").contains("x-experience-api-version");
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://content.hipaa-training.example");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Experience-API-Consistent-Through");
    }

    /** A wrong secret costs a password-hash check; an unknown or revoked key must cost the same, or timing lists the keys. */
    @Test
    void anUnknownKeyTakesAsLongAsAWrongSecret() {
        ClientService.IssuedCredential known = clients.create("timed " + UUID.randomUUID(), EnumSet.of(Scope.ALL));
        ClientService.IssuedCredential revoked = clients.create("timed revoked " + UUID.randomUUID(), EnumSet.of(Scope.ALL));
        clients.revoke(revoked.key());
        xapi.credentials("warm-up-" + UUID.randomUUID(), "x").get("/xapi/about");

        long wrongSecret = medianMillis(() -> xapi.credentials(known.key(), "wrong-" + UUID.randomUUID()));
        long unknownKey = medianMillis(() -> xapi.credentials("nobody-" + UUID.randomUUID(), "wrong"));
        long revokedKey = medianMillis(() -> xapi.credentials(revoked.key(), "wrong-" + UUID.randomUUID()));

        assertThat(unknownKey).as("unknown key vs wrong secret (%d ms)", wrongSecret).isGreaterThan(wrongSecret / 2);
        assertThat(revokedKey).as("revoked key vs wrong secret (%d ms)", wrongSecret).isGreaterThan(wrongSecret / 2);
    }

    /** The median time of three refused reads (fewer than an account's lock limit). */
    private static long medianMillis(java.util.function.Supplier<XapiHttp> client) {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            XapiHttp c = client.get();
            long start = System.nanoTime();
            assertThat(c.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(401);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[1];
    }
}
