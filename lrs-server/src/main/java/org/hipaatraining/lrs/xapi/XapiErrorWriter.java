package org.hipaatraining.lrs.xapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.system.XapiErrorBody;
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
        return XapiErrorBody.of(status, message);
    }
}
