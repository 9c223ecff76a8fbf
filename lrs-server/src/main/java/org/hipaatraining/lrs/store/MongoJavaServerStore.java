package org.hipaatraining.lrs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server, a MongoDB wire-protocol server written in Java. It speaks to the real MongoDB driver over a socket,
 * so the LRS code path is the production one; it lacks transactions and ignores non-unique indexes, which is why it is
 * only offered for evaluation and small practices.
 */
final class MongoJavaServerStore implements EmbeddedStore {

    private final MongoServer server;
    private final String connectionString;
    private final String description;

    private MongoJavaServerStore(MongoBackend backend, String description) {
        this.server = new MongoServer(backend);
        this.connectionString = server.bindAndGetConnectionString() + "/" + EmbeddedStores.DATABASE;
        this.description = description;
    }

    static MongoJavaServerStore persistent(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create lrs.data-dir " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("lrs.mv.db").toAbsolutePath();
        return new MongoJavaServerStore(new H2Backend(file.toString()),
                "mongo-java-server with H2 persistence at " + file);
    }

    static MongoJavaServerStore inMemory() {
        return new MongoJavaServerStore(new MemoryBackend(), "mongo-java-server in memory (nothing is persisted)");
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
