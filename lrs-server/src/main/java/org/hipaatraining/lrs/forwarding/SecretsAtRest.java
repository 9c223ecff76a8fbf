package org.hipaatraining.lrs.forwarding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hipaatraining.lrs.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts targets' secrets (credentials, signing secrets) before they go into the database: AES-GCM (JDK crypto),
 * a fresh 12-byte nonce per value, the target's id and the field as associated data (a value copied to another target
 * or field does not decrypt). The key lives outside the database: {@code lrs.forwarding.secret-key} (base64 of 16, 24
 * or 32 bytes; the same on every instance), or, on the embedded store when none is set, {@value #KEY_FILE} in the data
 * folder, made at first need, readable by its owner only. On MongoDB without a key nothing secret can be stored.
 * <p>
 * A stored value is {@value #PREFIX} and the base64 of nonce and ciphertext; a value without the prefix is plaintext
 * from before encryption, read as it is and encrypted at the next start ({@link SecretsMigration}).
 */
@Component
class SecretsAtRest {

    static final String PREFIX = "aesgcm1:";
    static final String KEY_FILE = "forwarding-secret.key";

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    /** No key, or a key that cannot be used: what an admin reads, naming the setting to fix. */
    static final class KeyProblem extends RuntimeException {
        KeyProblem(String message) {
            super(message);
        }
    }

    private final String configured;
    private final Path keyFile;
    private volatile SecretKey key;

    @org.springframework.beans.factory.annotation.Autowired
    SecretsAtRest(ForwardingSettings settings, StoreProperties store, Environment environment) {
        this(settings.secretKey(), hasMongoUri(environment) ? null : store.dataDir().resolve(KEY_FILE));
    }

    /** {@code keyFile}: where the key is kept when none is configured, or null (MongoDB: no such place). */
    SecretsAtRest(String configured, Path keyFile) {
        this.configured = configured == null ? "" : configured.strip();
        this.keyFile = keyFile;
    }

    private static boolean hasMongoUri(Environment environment) {
        String uri = environment.getProperty("spring.mongodb.uri");
        return uri != null && !uri.isBlank();
    }

    static boolean encrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a key is there to use (configured, or the embedded store's key file, made if need be). */
    boolean available() {
        try {
            key();
            return true;
        } catch (KeyProblem e) {
            return false;
        }
    }

    /** The stored form of {@code secret} (null stays null). */
    String encrypt(String secret, String targetId, String field) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(targetId, field));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e, e);
        }
    }

    /** The secret of a stored value: decrypted, or a plaintext value from before encryption as it is. */
    String decrypt(String stored, String targetId, String field) {
        if (stored == null || !encrypted(stored)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("the stored " + field + " is damaged (not base64)");
        }
        SecretKey k = key();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, all, 0, NONCE));
            cipher.updateAAD(aad(targetId, field));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new KeyProblem("the stored " + field + " cannot be decrypted with this key: it was stored with another "
                    + where() + " (every instance must use the same key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e, e);
        }
    }

    private String where() {
        return configured.isEmpty() && keyFile != null ? "key (" + keyFile.toAbsolutePath() + ")"
                : "lrs.forwarding.secret-key";
    }

    private static byte[] aad(String targetId, String field) {
        return (targetId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = resolve();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey resolve() {
        if (!configured.isEmpty()) {
            return aes(configured, "lrs.forwarding.secret-key");
        }
        if (keyFile == null) {
            throw new KeyProblem("no key to encrypt target secrets with: set lrs.forwarding.secret-key (base64 of 32 "
                    + "random bytes, e.g. openssl rand -base64 32), the same on every instance");
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return aes(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new KeyProblem("the key file " + keyFile.toAbsolutePath() + " cannot be read or made: " + e.getMessage());
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
            temporary.toFile().setReadable(false, false);
            temporary.toFile().setReadable(true, true);
            temporary.toFile().setWritable(false, false);
            temporary.toFile().setWritable(true, true);
        }
        Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        try {
            // two instances making it at once: the first one's stays, the other reads it
            Files.createLink(file, temporary);
            log.info("Made {}: the key of forwarding targets' secrets; back it up with the data folder", file.toAbsolutePath());
        } catch (FileAlreadyExistsException alreadyMade) {
            // another start made it first
        } catch (UnsupportedOperationException noLinks) {
            Files.move(temporary, file); // refuses when another start made it first
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static SecretKey aes(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem(source + " is not base64 (expected the base64 of 16, 24 or 32 random bytes)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new KeyProblem(source + " holds " + bytes.length + " bytes; an AES key has 16, 24 or 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
