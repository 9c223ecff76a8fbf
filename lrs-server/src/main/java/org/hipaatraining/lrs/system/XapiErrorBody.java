package org.hipaatraining.lrs.system;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of an xAPI error response ({@code {"error", "status", "message"}}). It lives here, not in {@code xapi}, because
 * the server's own error handling answers /xapi requests too, and {@code system} must not depend on a feature.
 */
public final class XapiErrorBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private XapiErrorBody() {
    }

    public static byte[] of(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("message", message);
        return MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
