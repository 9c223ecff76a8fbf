package org.hipaatraining.lrs.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded store keeps its data and which embedded store to use when no {@code spring.mongodb.uri} is given.
 *
 * @param dataDir      folder for the embedded store's files ({@code lrs.data-dir})
 * @param embedded     {@code auto}: a real mongod when one can be obtained, else the SQLite store; {@code sqlite}: the
 *                     SQLite store only; {@code memory}: in memory (tests, demos; nothing persists); {@code h2}: the
 *                     earlier H2 store, now read once into the SQLite store
 * @param embeddedSync whether the SQLite store syncs every commit to the disk before a write is acknowledged (true:
 *                     survives a power cut; false: survives a crash of the LRS only, and writes are faster)
 */
@ConfigurationProperties("lrs")
public record StoreProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("auto") EmbeddedKind embedded,
                              @DefaultValue("true") boolean embeddedSync) {

    public enum EmbeddedKind { AUTO, SQLITE, H2, MEMORY }
}
