package org.hipaatraining.lrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * A 500 that still happens (a bug; support.FailingEndpoints and xapi.FailingXapiResource stand in for one) tells the
 * user a request id, in the X-Request-Id header and the body, and the log line of the failure carries the same id, so
 * an admin finds it. Each kind of caller gets its own shape; none sees the exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTest extends LrsIntegrationTest {

    @Test
    void anApiFailureIsCleanJsonWithTheRequestId(CapturedOutput log) {
        HttpResponse<String> failed = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD).get("/api/test-failure");

        String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode body = XapiHttp.json(failed);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(body.get("requestId").asString()).isEqualTo(id);
        assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body.get("status").asInt()).isEqualTo(500);
        assertThat(body.get("instance").asString()).isEqualTo("/api/test-failure");
        assertThat(body.get("detail").asString()).contains(id).doesNotContain("bug", "IllegalState");
        assertThat(log.getOut()).contains("Unexpected failure on GET /api/test-failure (request id " + id + ")")
                .contains("[" + id + "]");
    }

    @Test
    void anXapiFailureKeepsTheXapiShape(CapturedOutput log) {
        HttpResponse<String> failed = xapi.get("/xapi/test-failure");

        String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode body = XapiHttp.json(failed);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(body.get("status").asInt()).isEqualTo(500);
        assertThat(body.get("message").asString()).contains(id).doesNotContain("bug");
        assertThat(log.getOut()).contains("(request id " + id + ")");
    }

    @Test
    void anAdminPageFailureIsTheErrorPageWithTheRequestId() {
        HttpResponse<String> failed = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD).get("/admin/test-failure",
                java.util.Map.of(), "Accept", "text/html");

        String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(failed.body()).contains("request id " + id).doesNotContain("IllegalState");
    }

    @Test
    void everyResponseNamesItsRequest() {
        HttpResponse<String> about = xapi.get("/xapi/about");
        HttpResponse<String> other = xapi.get("/xapi/about");

        assertThat(about.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(about.headers().firstValue("X-Request-Id")).isNotEqualTo(other.headers().firstValue("X-Request-Id"));
    }
}
