package org.hipaatraining.lrs.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded store keeps its data and which embedded store to use when no {@code spring.mongodb.uri} is given.
 *
 * @param dataDir  folder for the embedded store's files ({@code lrs.data-dir})
 * @param embedded {@code auto}: a real mongod when one can be obtained, else mongo-java-server on H2;
 *                 {@code h2}: mongo-java-server on H2 only; {@code memory}: mongo-java-server in memory (tests, demos; nothing persists)
 */
@ConfigurationProperties("lrs")
public record StoreProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("auto") EmbeddedKind embedded) {

    public enum EmbeddedKind { AUTO, H2, MEMORY }
}
