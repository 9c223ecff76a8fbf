package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TargetFormTest {

    private static TargetForm lrs(String url, String version, TargetForm.CredentialsForm credentials) {
        return new TargetForm("Health system LRS", "XAPI_LRS", url, version, credentials, null, null, null, null, null);
    }

    private static String fieldOf(Runnable r) {
        try {
            r.run();
        } catch (ForwardingException e) {
            return e.field();
        }
        return null;
    }

    @Test
    void eachMistakeNamesItsField() {
        TargetForm.CredentialsForm basic = new TargetForm.CredentialsForm("BASIC", "key", "secret");
        assertThat(fieldOf(() -> lrs("ftp://x", "2.0.0", basic).toTarget("t", Instant.EPOCH, null, false))).isEqualTo("url");
        assertThat(fieldOf(() -> lrs("http://lrs.example/xapi", "2.0.0", basic).toTarget("t", Instant.EPOCH, null, false)))
                .as("plain http to another host").isEqualTo("url");
        assertThat(fieldOf(() -> lrs("https://lrs.example/xapi", "1.0.2", basic).toTarget("t", Instant.EPOCH, null, false)))
                .isEqualTo("xapiVersion");
        assertThat(fieldOf(() -> lrs("https://lrs.example/xapi", "2.0.0", new TargetForm.CredentialsForm("BASIC", "key", ""))
                .toTarget("t", Instant.EPOCH, null, false))).isEqualTo("credentials.secret");
        assertThat(fieldOf(() -> lrs("https://lrs.example/xapi", "2.0.0", new TargetForm.CredentialsForm("DIGEST", "k", "s"))
                .toTarget("t", Instant.EPOCH, null, false))).isEqualTo("credentials.kind");
        assertThat(fieldOf(() -> new TargetForm("x", "SMTP", "https://a.example", null, null, null, null, null, null, null)
                .toTarget("t", Instant.EPOCH, null, false))).isEqualTo("kind");
        assertThat(fieldOf(() -> new TargetForm("x", "WEBHOOK", "https://a.example", null, null, null, null,
                List.of("person.fired"), null, null).toTarget("t", Instant.EPOCH, null, false))).isEqualTo("events");
        assertThat(fieldOf(() -> new TargetForm("x", "NDJSON", "https://a.example", null, null, null,
                new StatementSelection(List.of("completed"), null, null), null, null, null)
                .toTarget("t", Instant.EPOCH, null, false))).isEqualTo("selection.verbs");
        assertThat(fieldOf(() -> TargetForm.parseFrom("yesterday", "from"))).isEqualTo("from");
    }

    @Test
    void aChangeWithoutSecretsKeepsTheStoredOnesAndAWebhookGetsASecretMade() {
        Target created = new TargetForm("Hook", "WEBHOOK", "https://hr.example/hook", null, null, null, null,
                List.of("person.compliant"), null, null).toTarget("t", Instant.EPOCH, null, false);
        Target lrs = lrs("http://127.0.0.1:9/xapi", null, new TargetForm.CredentialsForm("BASIC", "key", "s3cret"))
                .toTarget("u", Instant.EPOCH, null, false);
        Target changed = lrs("http://127.0.0.1:9/xapi", "1.0.3", new TargetForm.CredentialsForm("BASIC", "key", null))
                .toTarget("u", Instant.EPOCH, lrs, false);

        assertThat(created.signingSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(lrs.xapiVersion()).isEqualTo("2.0.0");
        assertThat(changed.credentials().secret()).isEqualTo("s3cret");
        assertThat(changed.credentials().masked().secret()).isEqualTo("••••");
        assertThat(Secrets.mask("0123456789abcdefWXYZ")).isEqualTo("••••WXYZ");
    }

    @Test
    void aChangeThatDoesNotSayKeepsAPausedTargetPaused() {
        TargetForm form = new TargetForm("Hook", "WEBHOOK", "https://hr.example/hook", null, null, null, null, null, null, null);
        Target paused = new TargetForm("Hook", "WEBHOOK", "https://hr.example/hook", null, null, null, null, null, true, null)
                .toTarget("t", Instant.EPOCH, null, false);

        assertThat(form.toTarget("t", Instant.EPOCH, paused, false).paused()).isTrue();
        assertThat(form.toTarget("t", Instant.EPOCH, null, false).paused()).isFalse();
    }
}
