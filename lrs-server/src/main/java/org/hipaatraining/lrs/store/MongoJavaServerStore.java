package org.hipaatraining.lrs.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server, a MongoDB wire-protocol server written in Java. It speaks to the real MongoDB driver over a socket,
 * so the LRS code path is the production one; it lacks transactions and ignores non-unique indexes, which is why it is
 * only used in memory, for tests and demos (lrs.embedded=memory).
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
