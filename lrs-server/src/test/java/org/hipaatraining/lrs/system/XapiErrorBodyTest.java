package org.hipaatraining.lrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The xAPI error object keeps its shape and key order now that it is written outside the xapi package. */
class XapiErrorBodyTest {

    @Test
    void statusReasonAndMessageInThatOrderWithTheMessageEscaped() {
        String body = new String(XapiErrorBody.of(HttpStatus.BAD_REQUEST, "statement.actor: \"mbox\" é"), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"error\":\"Bad Request\",\"status\":400,\"message\":\"statement.actor: \\\"mbox\\\" é\"}");
    }
}
