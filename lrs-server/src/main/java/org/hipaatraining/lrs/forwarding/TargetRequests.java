package org.hipaatraining.lrs.forwarding;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;

/**
 * The HTTP requests each kind of target gets. Statements go as the LRS stored them (the same JSON text, ids,
 * signatures), so a receiving LRS keeps one copy of each however often a batch is sent.
 */
final class TargetRequests {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private TargetRequests() {
    }

    /** A request body and the headers that describe it. */
    record Body(byte[] bytes, String contentType, Map<String, String> headers) {
    }

    /**
     * Statements for an LRS: a JSON array, or multipart/mixed when some carry attachment content (the statements
     * first, then each attachment once, named by its SHA-2), exactly as xAPI clients send them.
     */
    static Body forLrs(List<StoredStatement> statements, Collection<StoredStatements.Attachment> attachments) {
        byte[] array = jsonArray(statements);
        if (attachments.isEmpty()) {
            return new Body(array, "application/json", Map.of());
        }
        String boundary = "forwarding-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(array.length + 1024);
        write(out, "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n");
        out.writeBytes(array);
        for (StoredStatements.Attachment a : attachments) {
            write(out, "\r\n--" + boundary + "\r\nContent-Type: " + a.contentType()
                    + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + a.sha2() + "\r\n\r\n");
            out.writeBytes(a.content());
        }
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Body(out.toByteArray(), "multipart/mixed; boundary=" + boundary, Map.of());
    }

    /** Statements for an NDJSON endpoint: one statement per line, as stored. */
    static Body forNdjson(List<StoredStatement> statements) {
        StringBuilder lines = new StringBuilder();
        statements.forEach(s -> lines.append(s.json()).append('\n'));
        return new Body(lines.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson", Map.of());
    }

    /** One webhook event. */
    static Body forWebhook(ComplianceEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.EVENT_ID, event.id());
        headers.put(WebhookSignature.EVENT_TYPE, event.type().wireName());
        return new Body(event.json().getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    /**
     * The request for a target: its address, credentials, xAPI version, a signature for NDJSON and webhook targets
     * (signed at each try, so the timestamp is fresh), and an idempotency key the receiver can deduplicate by.
     */
    static HttpRequest request(Target target, Body body, String idempotencyKey, long unixSeconds, Duration timeout) {
        URI uri = target.kind() == TargetKind.XAPI_LRS ? statementsUri(target.url()) : target.url();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", body.contentType())
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        body.headers().forEach(request::header);
        String authorization = target.credentials() == null ? null : target.credentials().authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (target.kind() == TargetKind.XAPI_LRS) {
            request.header("X-Experience-API-Version", target.xapiVersion());
        }
        if (target.signingSecret() != null && target.kind() != TargetKind.XAPI_LRS) {
            request.header(WebhookSignature.TIMESTAMP, Long.toString(unixSeconds));
            request.header(WebhookSignature.SIGNATURE, WebhookSignature.sign(target.signingSecret(), unixSeconds, body.bytes()));
        }
        return request.build();
    }

    /** The Statement Resource under an LRS's xAPI address ({@code https://lrs.example/xapi} or its /statements). */
    static URI statementsUri(URI base) {
        String text = base.toString();
        if (text.endsWith("/statements")) {
            return base;
        }
        return URI.create(text.endsWith("/") ? text + "statements" : text + "/statements");
    }

    private static byte[] jsonArray(List<StoredStatement> statements) {
        StringBuilder array = new StringBuilder("[");
        for (StoredStatement s : statements) {
            array.append(array.length() > 1 ? "," : "").append(s.json());
        }
        return array.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
