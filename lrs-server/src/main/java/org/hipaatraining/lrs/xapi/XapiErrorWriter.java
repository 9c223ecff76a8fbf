package org.hipaatraining.lrs.xapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.xapi.json.XapiJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an xAPI error response: the status and a JSON body whose {@code message} says what to fix. Used where no
 * controller is involved (filters, authentication); controllers throw {@link XapiException} instead.
 */
@Component
public class XapiErrorWriter {

    public void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(body(status, message));
    }

    public static byte[] body(HttpStatus status, String message) {
        var json = XapiJson.MAPPER.createObjectNode()
                .put("error", status.getReasonPhrase())
                .put("status", status.value())
                .put("message", message);
        return XapiJson.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
