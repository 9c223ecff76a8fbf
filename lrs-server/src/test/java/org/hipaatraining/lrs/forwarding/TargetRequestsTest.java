package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.junit.jupiter.api.Test;

class TargetRequestsTest {

    private static StoredStatement stored(String id, String json) {
        return new StoredStatement(id, null, null, null, List.of(), null, null, Instant.EPOCH, false, json, null);
    }

    private static Target target(TargetKind kind, URI url, Credentials credentials, String secret) {
        return new Target("t1", "test", kind, url, kind == TargetKind.XAPI_LRS ? "1.0.3" : null, credentials, secret,
                StatementSelection.EVERYTHING, Set.of(), false, Instant.EPOCH);
    }

    @Test
    void statementsGoToAnLrsAsTheStoredJsonTextInOrder() {
        TargetRequests.Body body = TargetRequests.forLrs(List.of(stored("a", "{\"id\":\"a\",\"x.y\":1}"),
                stored("b", "{\"id\":\"b\"}")), List.of());

        assertThat(body.contentType()).isEqualTo("application/json");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("[{\"id\":\"a\",\"x.y\":1},{\"id\":\"b\"}]");
    }

    @Test
    void attachmentsMakeAMultipartMixedBodyWithTheStatementsFirstAndCrlfLines() {
        TargetRequests.Body body = TargetRequests.forLrs(List.of(stored("a", "{\"id\":\"a\"}")),
                List.of(new StoredStatements.Attachment("abc123", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))));
        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        String boundary = body.contentType().substring(body.contentType().indexOf("boundary=") + 9);

        assertThat(body.contentType()).startsWith("multipart/mixed; boundary=");
        assertThat(text).startsWith("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n[{\"id\":\"a\"}]\r\n--" + boundary)
                .contains("X-Experience-API-Hash: abc123\r\n\r\nhello\r\n--" + boundary + "--\r\n")
                .contains("Content-Transfer-Encoding: binary");
    }

    @Test
    void ndjsonIsOneStoredStatementPerLine() {
        TargetRequests.Body body = TargetRequests.forNdjson(List.of(stored("a", "{\"id\":\"a\"}"), stored("b", "{\"id\":\"b\"}")));

        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
        assertThat(body.contentType()).isEqualTo("application/x-ndjson");
    }

    @Test
    void anLrsRequestCarriesVersionCredentialsAndGoesToTheStatementResource() {
        HttpRequest request = TargetRequests.request(target(TargetKind.XAPI_LRS, URI.create("https://lrs.example/xapi/"),
                new Credentials(Credentials.Kind.BEARER, null, "tok"), null),
                new TargetRequests.Body(new byte[0], "application/json", java.util.Map.of()), "k1", 1L, Duration.ofSeconds(5));

        assertThat(request.uri()).isEqualTo(URI.create("https://lrs.example/xapi/statements"));
        assertThat(request.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(request.headers().firstValue("Authorization")).hasValue("Bearer tok");
        assertThat(request.headers().firstValue(WebhookSignature.SIGNATURE)).isEmpty();
    }

    @Test
    void aWebhookRequestIsSignedOverItsBodyAndTimestamp() {
        ComplianceEvent event = new ComplianceEvent("e1", ComplianceEventType.PERSON_ADDED, Instant.EPOCH, "p1",
                "ann@clinic.example", null, null, "NOT_COMPLIANT", null);
        TargetRequests.Body body = TargetRequests.forWebhook(event);
        HttpRequest request = TargetRequests.request(target(TargetKind.WEBHOOK, URI.create("https://hr.example/hook"),
                Credentials.NONE, "whsec_0123456789abcdef"), body, "e1", 1764921600L, Duration.ofSeconds(5));

        assertThat(request.headers().firstValue(WebhookSignature.TIMESTAMP)).hasValue("1764921600");
        assertThat(WebhookSignature.verify("whsec_0123456789abcdef", 1764921600L, body.bytes(),
                request.headers().firstValue(WebhookSignature.SIGNATURE).orElseThrow())).isTrue();
        assertThat(request.headers().firstValue(WebhookSignature.EVENT_ID)).hasValue("e1");
        assertThat(request.headers().firstValue(WebhookSignature.EVENT_TYPE)).hasValue("person.added");
    }
}
