package org.hipaatraining.lrs.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One mongo-java-server (memory backend) per test JVM, reached over a real socket by the real MongoDB driver,
 * exactly as a production MongoDB would be. Each caller gets its own database name.
 */
public final class TestMongo {

    private static MongoServer server;
    private static String base;

    private TestMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            base = server.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return base + "/" + database;
    }
}
