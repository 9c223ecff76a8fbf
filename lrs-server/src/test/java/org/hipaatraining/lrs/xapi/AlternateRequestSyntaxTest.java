package org.hipaatraining.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;

/** xAPI 1.0.3's form POST ({@code ?method=PUT} with headers and content as form fields); xAPI 2.0 dropped it. */
class AlternateRequestSyntaxTest extends LrsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

    /** The form fields a 1.0.3 browser client sends: credentials and version as fields, not headers. */
    private static Map<String, String> form(String version, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Authorization", AUTHORIZATION);
        form.put("X-Experience-API-Version", version);
        form.putAll(params(fields));
        return form;
    }

    private HttpResponse<String> formPost(String path, String query, Map<String, String> fields, String... headers)
            throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormPutStoresAStatement() throws Exception {
        String id = UUID.randomUUID().toString();
        String mbox = XapiHttp.uniqueMbox();

        HttpResponse<String> put = formPost("/xapi/statements", "method=PUT", form("1.0.3", "statementId", id,
                "Content-Type", "application/json", "content", Statements.completed(mbox, Statements.activityId())));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(put.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        HttpResponse<String> stored = xapi.get("/xapi/statements", params("statementId", id));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json(stored).get("actor").get("mbox").asString()).isEqualTo(mbox);
        assertThat(json(stored).get("authority").get("account").get("name").asString()).isEqualTo(KEY);
    }

    @Test
    void aFormGetQueriesStatements() throws Exception {
        String mbox = XapiHttp.uniqueMbox();
        String id = json(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())))
                .get(0).asString();

        HttpResponse<String> byId = formPost("/xapi/statements", "method=GET", form("1.0.3", "statementId", id));
        HttpResponse<String> byAgent = formPost("/xapi/statements", "method=GET", form("1.0.3",
                "agent", Statements.agent(mbox)));

        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        assertThat(json(byId).get("id").asString()).isEqualTo(id);
        assertThat(byAgent.statusCode()).isEqualTo(200);
        assertThat(json(byAgent).get("statements").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void formRequestsReachTheDocumentResources() throws Exception {
        String activity = Statements.activityId();
        String agent = Statements.agent(XapiHttp.uniqueMbox());
        Map<String, String> key = params("activityId", activity, "agent", agent, "stateId", "bookmark");

        HttpResponse<String> put = formPost("/xapi/activities/state", "method=PUT", form("1.0.3", "activityId", activity,
                "agent", agent, "stateId", "bookmark", "Content-Type", "application/json", "content", "{\"page\":12}"));
        String stored = xapi.get("/xapi/activities/state", key).body();
        HttpResponse<String> delete = formPost("/xapi/activities/state", "method=DELETE", form("1.0.3",
                "activityId", activity, "agent", agent, "stateId", "bookmark"));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(stored).isEqualTo("{\"page\":12}");
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(xapi.get("/xapi/activities/state", key).statusCode()).isEqualTo(404);
    }

    @Test
    void formCredentialsAreChecked() throws Exception {
        Map<String, String> fields = form("1.0.3", "statementId", UUID.randomUUID().toString());
        fields.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((KEY + ":wrong").getBytes()));

        HttpResponse<String> wrong = formPost("/xapi/statements", "method=GET", fields);
        fields.remove("Authorization");
        HttpResponse<String> none = formPost("/xapi/statements", "method=GET", fields);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void xapi2RefusesTheSyntax() throws Exception {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(XapiHttp.uniqueMbox(), Statements.activityId());

        HttpResponse<String> versionField = formPost("/xapi/statements", "method=PUT", form("2.0.0", "statementId", id,
                "content", statement));
        Map<String, String> noVersionField = form("1.0.3", "statementId", id, "content", statement);
        noVersionField.remove("X-Experience-API-Version");
        HttpResponse<String> versionHeader = formPost("/xapi/statements", "method=PUT", noVersionField,
                "X-Experience-API-Version", "2.0.0");

        for (HttpResponse<String> refused : java.util.List.of(versionField, versionHeader)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("X-Experience-API-Version")).hasValue("2.0.0");
            assertThat(json(refused).get("message").asString()).contains("2.0 does not support the Alternate Request Syntax");
        }
        assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(404);
    }

    @Test
    void malformedFormRequestsAreRefused() throws Exception {
        Map<String, String> fields = form("1.0.3", "statementId", UUID.randomUUID().toString());

        HttpResponse<String> extraQuery = formPost("/xapi/statements", "method=GET&limit=1", fields);
        HttpResponse<String> unknownMethod = formPost("/xapi/statements", "method=PATCH", fields);
        HttpResponse<String> notAForm = xapi.send("POST", "/xapi/statements", Map.of("method", "GET"),
                "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        HttpResponse<String> notAPost = xapi.get("/xapi/statements", params("method", "PUT"));

        assertThat(json(extraQuery).get("message").asString()).contains("no query parameter but 'method'");
        assertThat(json(unknownMethod).get("message").asString()).startsWith("method:");
        assertThat(json(notAForm).get("message").asString()).startsWith("Content-Type:");
        assertThat(json(notAPost).get("message").asString()).contains("only allowed on POST");
        for (HttpResponse<String> refused : java.util.List.of(extraQuery, unknownMethod, notAForm, notAPost)) {
            assertThat(refused.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void brokenPercentEncodingIsA400BeforeAuthentication() throws Exception {
        HttpResponse<String> content = rawFormPost("method=PUT", "content=%zz&statementId=" + UUID.randomUUID());
        HttpResponse<String> name = rawFormPost("method=GET", "%g1=x");

        assertThat(content.statusCode()).as(content.body()).isEqualTo(400);
        assertThat(json(content).get("message").asString()).startsWith("content: malformed percent-encoding");
        assertThat(name.statusCode()).isEqualTo(400);
    }

    @Test
    void aFormBodyOverTheLimitIsRefusedUnreadWithoutCredentials() throws Exception {
        // 3 MB against the tests' 2 MB limit, chunked (no Content-Length): the filter must stop at the limit.
        byte[] big = ("content=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements?method=PUT"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> sized = rawFormPost("method=PUT", "content=" + "x".repeat(3 * 1024 * 1024));

        HttpResponse<String> chunked = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(json(sized).get("message").asString()).contains("max-body-size");
    }

    private HttpResponse<String> rawFormPost(String query, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
