package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encryption of targets' secrets: AES-GCM, the key outside the database, clear errors without it. */
class SecretsAtRestTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @TempDir
    Path data;

    @Test
    void aSecretIsStoredEncryptedAndBoundToItsTargetAndField() {
        SecretsAtRest secrets = new SecretsAtRest(KEY, null);
        String stored = secrets.encrypt("clinic-secret", "t1", "credentials.secret");
        assertThat(stored).startsWith(SecretsAtRest.PREFIX).doesNotContain("clinic-secret");
        assertThat(secrets.encrypt("clinic-secret", "t1", "credentials.secret")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(secrets.decrypt(stored, "t1", "credentials.secret")).isEqualTo("clinic-secret");
        assertThat(secrets.decrypt("plain-from-before", "t1", "credentials.secret")).as("plaintext from before").isEqualTo("plain-from-before");
        assertThatThrownBy(() -> secrets.decrypt(stored, "t2", "credentials.secret")).isInstanceOf(SecretsAtRest.KeyProblem.class);
        assertThatThrownBy(() -> secrets.decrypt(stored, "t1", "signingSecret")).isInstanceOf(SecretsAtRest.KeyProblem.class);
    }

    @Test
    void aWrongOrMissingKeyIsAClearProblemNamingTheSetting() {
        String stored = new SecretsAtRest(KEY, null).encrypt("clinic-secret", "t1", "credentials.secret");
        assertThatThrownBy(() -> new SecretsAtRest(OTHER_KEY, null).decrypt(stored, "t1", "credentials.secret"))
                .isInstanceOf(SecretsAtRest.KeyProblem.class).hasMessageContaining("cannot be decrypted with this key")
                .hasMessageContaining("lrs.forwarding.secret-key");
        SecretsAtRest none = new SecretsAtRest("", null); // MongoDB, no key given
        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.encrypt("s", "t1", "signingSecret")).isInstanceOf(SecretsAtRest.KeyProblem.class)
                .hasMessageContaining("set lrs.forwarding.secret-key");
        assertThatThrownBy(() -> none.decrypt(stored, "t1", "credentials.secret")).isInstanceOf(SecretsAtRest.KeyProblem.class);
        assertThatThrownBy(() -> new SecretsAtRest("not base64!", null).encrypt("s", "t1", "signingSecret"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> new SecretsAtRest(Base64.getEncoder().encodeToString(new byte[7]), null)
                .encrypt("s", "t1", "signingSecret")).hasMessageContaining("7 bytes");
    }

    @Test
    void theEmbeddedStoreMakesAKeyFileForItsOwnerOnlyAndKeepsUsingIt() throws Exception {
        Path file = data.resolve(SecretsAtRest.KEY_FILE);
        String stored = new SecretsAtRest("", file).encrypt("whsec_abc", "t1", "signingSecret");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new SecretsAtRest("", file).decrypt(stored, "t1", "signingSecret")).as("after a restart").isEqualTo("whsec_abc");
        assertThat(Files.list(data).toList()).as("no temporary file left").containsExactly(file);
        // a configured key wins over the file
        assertThatThrownBy(() -> new SecretsAtRest(KEY, file).decrypt(stored, "t1", "signingSecret"))
                .isInstanceOf(SecretsAtRest.KeyProblem.class);
    }
}
