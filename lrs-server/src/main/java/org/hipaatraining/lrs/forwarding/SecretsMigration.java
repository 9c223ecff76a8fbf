package org.hipaatraining.lrs.forwarding;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, encrypts the secrets of targets stored before they were encrypted ({@link SecretsAtRest}). Each target is
 * one conditional write (only if its plaintext is still what was read), so instances starting together do no harm.
 * Without a key the plaintext stays, and a warning says which setting to give.
 */
@Component
class SecretsMigration {

    private static final Logger log = LoggerFactory.getLogger(SecretsMigration.class);

    private final TargetStore targets;
    private final SecretsAtRest secrets;

    SecretsMigration(TargetStore targets, SecretsAtRest secrets) {
        this.targets = targets;
        this.secrets = secrets;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            migrate();
        } catch (RuntimeException e) {
            log.warn("Forwarding targets' secrets not encrypted now (the next start tries again): {}", e.toString());
        }
    }

    /** How many targets had their secrets encrypted. */
    int migrate() {
        List<String> plaintext = targets.withPlaintextSecrets();
        if (plaintext.isEmpty()) {
            return 0;
        }
        if (!secrets.available()) {
            log.warn("{} forwarding target(s) keep their secrets unencrypted in the database: set lrs.forwarding.secret-key "
                    + "(docs/forwarding.md, Secrets)", plaintext.size());
            return 0;
        }
        int done = 0;
        for (String id : plaintext) {
            if (targets.encryptPlaintextSecrets(id)) {
                done++;
            }
        }
        log.info("Encrypted the secrets of {} forwarding target(s)", done);
        return done;
    }
}
