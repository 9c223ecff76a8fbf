package org.hipaatraining.lrs.benchmark;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The benchmark's store: mongo-java-server's memory backend in a JVM of its own, so its memory and CPU are not
 * counted as the LRS's. Prints {@code READY <connection string>} and serves until killed.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("READY " + uri);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
