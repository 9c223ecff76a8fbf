package org.hipaatraining.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the LRS answers with a 4xx whose message says what to fix: never a 500. */
class BadInputTest extends LrsIntegrationTest {

    private static final String STATEMENTS = "/xapi/statements";

    private static String statement() {
        return Statements.completed(XapiHttp.uniqueMbox(), Statements.activityId());
    }

    private static String message(HttpResponse<String> response) {
        return json(response).get("message").asString();
    }

    private HttpResponse<String> post(String body, String contentType) {
        return xapi.send("POST", STATEMENTS, Map.of(), body.getBytes(StandardCharsets.UTF_8), "Content-Type", contentType);
    }

    private static void assertBadRequest(HttpResponse<String> response, String messageStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).startsWith(messageStart);
    }

    @Test
    void malformedJsonIsA400SayingWhereItBroke() {
        assertBadRequest(xapi.postJson(STATEMENTS, "{\"actor\": {\"mbox\": "), "statement: malformed JSON");
        assertBadRequest(xapi.postJson(STATEMENTS, statement() + " trailing"), "statement: malformed JSON");
        assertBadRequest(xapi.postJson(STATEMENTS, ""), "statement: the request body is empty");
    }

    @Test
    void duplicateKeysAreRefused() {
        String duplicated = statement().replaceFirst("\"verb\":", "\"verb\": {\"id\": \"http://example.org/v\"}, \"verb\":");

        HttpResponse<String> post = xapi.postJson(STATEMENTS, duplicated);

        assertBadRequest(post, "statement: malformed JSON");
        assertThat(message(post)).containsIgnoringCase("duplicate").contains("verb");
    }

    @Test
    void wrongTypesAndNullsNameTheField() {
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"success\": true", "\"success\": \"yes\"")),
                "statement.result.success: must be true or false");
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"raw\": 9", "\"raw\": \"nine\"")),
                "statement.result.score.raw:");
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"duration\": \"PT14M30S\"", "\"duration\": \"14 min\"")),
                "statement.result.duration: must be an ISO 8601 duration");
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"platform\": \"Moodle 4.5\"", "\"platform\": null")),
                "statement.context.platform:");
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"timestamp\": \"2026-11-20T15:04:05.123Z\"",
                "\"timestamp\": 1763651045")), "statement.timestamp:");
    }

    @Test
    void unknownAndMiscasedPropertiesAreRefused() {
        assertBadRequest(xapi.postJson(STATEMENTS, statement().replace("\"timestamp\":", "\"note\": \"x\", \"timestamp\":")),
                "statement.note: is not a property xAPI allows here");
        HttpResponse<String> miscased = xapi.postJson(STATEMENTS, statement().replace("\"result\":", "\"Result\":"));
        assertBadRequest(miscased, "statement.Result:");
        assertThat(message(miscased)).contains("did you mean 'result'");
    }

    @Test
    void aMissingOrUnsupportedVersionHeaderIsRefused() {
        HttpResponse<String> missing = xapi.version(null).get(STATEMENTS, params("limit", "1"));
        HttpResponse<String> old = xapi.version("0.95").postJson(STATEMENTS, statement());
        HttpResponse<String> future = xapi.version("3.0.0").get(STATEMENTS, params("limit", "1"));

        assertBadRequest(missing, "X-Experience-API-Version: header required");
        assertBadRequest(old, "X-Experience-API-Version: '0.95' is not supported");
        assertBadRequest(future, "X-Experience-API-Version:");
        assertThat(missing.headers().firstValue("X-Experience-API-Version")).isPresent();
    }

    @Test
    void wrongContentTypesAreRefused() {
        assertBadRequest(post(statement(), "text/plain"), "Content-Type:");
        // Without ?method= a form body is not the Alternate Request Syntax; the JSON "field name" once caused a 500.
        assertBadRequest(post(statement(), "application/x-www-form-urlencoded"), "Content-Type: application/x-www-form-urlencoded");
        assertBadRequest(post(statement(), "not a media type"), "Content-Type:");
        HttpResponse<String> none = xapi.send("POST", STATEMENTS, Map.of(), statement().getBytes(StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIsA413WithOrWithoutContentLength() throws Exception {
        String padding = "x".repeat(2 * 1024 * 1024 + 10);
        String big = statement().replace("\"platform\": \"Moodle 4.5\"", "\"platform\": \"" + padding + "\"");

        HttpResponse<String> sized = xapi.postJson(STATEMENTS, big);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STATEMENTS))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(message(sized)).contains("max-body-size");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(message(streamed)).contains("max-body-size");
    }

    @Test
    void brokenMultipartIsA400() {
        String s = statement();
        String unclosed = "--b\r\nContent-Type: application/json\r\n\r\n" + s + "\r\n";
        String lfOnly = "--b\nContent-Type: application/json\n\n" + s + "\n--b--";
        String firstNotJson = "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--";
        String noHash = "--b\r\nContent-Type: application/json\r\n\r\n" + s
                + "\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nhi\r\n--b--";

        assertBadRequest(post(unclosed, "multipart/mixed; boundary=b"), "multipart body: missing the closing boundary");
        assertBadRequest(post(lfOnly, "multipart/mixed; boundary=b"), "multipart body:");
        assertBadRequest(post(firstNotJson, "multipart/mixed; boundary=b"), "multipart body: the first part");
        assertBadRequest(post(noHash, "multipart/mixed; boundary=b"), "multipart body: part 2 has no X-Experience-API-Hash");
        assertBadRequest(post(unclosed, "multipart/mixed"), "Content-Type: multipart/mixed needs a boundary");
        assertBadRequest(post("preamble only", "multipart/mixed; boundary=b"), "multipart body: the boundary 'b'");
    }

    @Test
    void aBatchWithOneBadStatementStoresNothing() {
        String goodId = UUID.randomUUID().toString();
        String good = Statements.completed(goodId, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString());
        String bad = statement().replace("\"completion\": true", "\"completion\": 1");

        HttpResponse<String> post = xapi.postJson(STATEMENTS, "[" + good + "," + good.replace(goodId,
                UUID.randomUUID().toString()) + "," + bad + "]");

        assertBadRequest(post, "statements[2].result.completion:");
        assertThat(xapi.get(STATEMENTS, params("statementId", goodId)).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownQueryParametersAreRefused() {
        Map<String, String> state = params("activityId", Statements.activityId(), "agent",
                Statements.agent(XapiHttp.uniqueMbox()), "stateId", "s", "colour", "blue");

        assertBadRequest(xapi.get(STATEMENTS, params("agnet", Statements.agent(XapiHttp.uniqueMbox()))),
                "agnet: not a parameter this resource accepts");
        assertBadRequest(xapi.postJson(STATEMENTS, statement(), params("debug", "1")), "debug: not a parameter");
        assertBadRequest(xapi.get(STATEMENTS, params("statementId", UUID.randomUUID().toString(), "limit", "1")),
                "limit: not a parameter this resource accepts with statementId");
        assertBadRequest(xapi.get("/xapi/activities/state", state), "colour: not a parameter");
        assertBadRequest(xapi.get(STATEMENTS, params("line\nbreak", "1")), "the request was refused");
        assertBadRequest(xapi.get("/xapi/agents", params("agent", Statements.agent(XapiHttp.uniqueMbox()), "x", "1")),
                "x: not a parameter");
    }

    @Test
    void oddBodiesAndParametersNeverCauseA500() {
        for (String body : new String[] {"null", "42", "\"text\"", "[null]", "[1]", "{}", "[[]]", "{\"actor\":[]}",
                "{\"id\":7}", "\u0000", "[" + "[".repeat(5000) + "]".repeat(5000) + "]", "{\"object\":{\"objectType\":7}}",
                statement().replace("\"objectType\": \"Activity\"", "\"objectType\": \"SubStatement\"")}) {
            HttpResponse<String> post = xapi.postJson(STATEMENTS, body);
            assertThat(post.statusCode()).as("POST " + body.substring(0, Math.min(body.length(), 60)))
                    .isBetween(400, 499);
        }
        for (Map<String, String> query : java.util.List.of(params("agent", "not json"), params("agent", "{\"mbox\":1}"),
                params("since", "yesterday"), params("limit", "ten"), params("format", "pretty"),
                params("ascending", "maybe"), params("more", "garbage"), params("registration", "123"),
                params("verb", "not an iri"), params("statementId", "x"), params("agent", "[]"))) {
            HttpResponse<String> get = xapi.get(STATEMENTS, query);
            assertThat(get.statusCode()).as("GET " + query).isEqualTo(400);
            assertThat(message(get)).isNotBlank();
        }
        assertThat(xapi.putJson(STATEMENTS, statement(), params()).statusCode()).isEqualTo(400);
        assertThat(xapi.putJson(STATEMENTS, "[" + statement() + "]", params("statementId",
                UUID.randomUUID().toString())).statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyBatchIsA400() {
        assertBadRequest(xapi.postJson(STATEMENTS, "[]"), "statements: the array is empty");
        assertBadRequest(xapi.postJson(STATEMENTS, " [ ] "), "statements: the array is empty");
    }

    @Test
    void timestampsWithManyFractionDigitsAreAcceptedEverywhereAndParsed() {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString()).replace("\"timestamp\": \"2026-11-20T15:04:05.123Z\"",
                "\"timestamp\": \"2026-01-01T00:00:00.9999999999999Z\"");

        HttpResponse<String> post = xapi.postJson(STATEMENTS, statement);
        HttpResponse<String> since = xapi.get(STATEMENTS, params("since", "2026-01-01T00:00:00.9999999999999Z", "limit", "1"));
        HttpResponse<String> until = xapi.version("2.0.0").get(STATEMENTS, params("until", "20260101T000000,123456789012+01"));

        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(xapi.get(STATEMENTS, params("statementId", id)).statusCode()).isEqualTo(200);
        assertThat(since.statusCode()).as(since.body()).isEqualTo(200);
        assertThat(until.statusCode()).as(until.body()).isEqualTo(200);
        assertBadRequest(xapi.get(STATEMENTS, params("since", "2026-01-01T24:00:00Z")), "since: must be an ISO 8601 timestamp");
        assertBadRequest(xapi.get(STATEMENTS, params("until", "2026-02-30T00:00:00Z")), "until: must be an ISO 8601 timestamp");
        assertBadRequest(xapi.postJson(STATEMENTS, statement.replace(id, UUID.randomUUID().toString())
                .replace("00:00:00.9999999999999Z", "00:00:61Z")), "statement.timestamp: must be an ISO 8601 timestamp");
    }

    @Test
    void forgedMoreTokensAreRefused() {
        String activity = Statements.activityId();
        for (int i = 0; i < 3; i++) {
            xapi.postJson(STATEMENTS, Statements.completed(XapiHttp.uniqueMbox(), activity));
        }
        HttpResponse<String> first = xapi.get(STATEMENTS, params("activity", activity, "limit", "1"));
        String more = json(first).get("more").asString();
        String token = more.substring(more.indexOf("more=") + 5);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String signature = token.substring(token.indexOf('.'));

        HttpResponse<String> followed = xapi.get(STATEMENTS, params("more", token));
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(json(followed).get("statements").size()).isEqualTo(1);
        for (String forged : java.util.List.of(
                encode(payload.replace("\"l\":1", "\"l\":1000000")) + signature,
                encode(payload.replace("\"l\":1", "\"l\":0")) + signature,
                encode(payload.replace("\"l\":1", "\"l\":1000000")),
                encode(payload),
                token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"),
                token + token, ".", "..", "a.b", "\u00e9.\u00e9", "x".repeat(7_000))) {
            HttpResponse<String> get = xapi.get(STATEMENTS, params("more", forged));
            assertBadRequest(get, "more: not a continuation this LRS issued");
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
