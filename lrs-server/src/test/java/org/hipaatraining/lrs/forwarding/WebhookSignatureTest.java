package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"person.compliant\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyAsDocumented() throws Exception {
        // the receiver's side, as in docs/forwarding.md
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1764921600.".getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(WebhookSignature.sign(SECRET, 1764921600L, BODY)).isEqualTo(expected);
    }

    @Test
    void verifyAcceptsTheSignatureAndRefusesAnyChange() {
        String header = WebhookSignature.sign(SECRET, 1764921600L, BODY);

        assertThat(WebhookSignature.verify(SECRET, 1764921600L, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, 1764921601L, BODY, header)).as("other timestamp").isFalse();
        assertThat(WebhookSignature.verify("whsec_other-secret-000", 1764921600L, BODY, header)).as("other secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1764921600L, "{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1764921600L, BODY, "v1=zz")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1764921600L, BODY, null)).isFalse();
    }
}
