package org.hipaatraining.lrs.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The benchmark's store: mongo-java-server's memory backend in a JVM of its own, so its memory and CPU are not
 * counted as the LRS's. Prints {@code READY <connection string>} and serves until killed. A line {@code gc} on its
 * input collects its garbage and answers {@code GC-DONE}, so that each timed phase starts on a clean heap instead of
 * paying for the garbage of the one before (a dropped collection of 60,000 statements is a gigabyte).
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws IOException {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("READY " + uri);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.equals("gc")) {
                System.gc();
                System.out.println("GC-DONE");
                System.out.flush();
            }
        }
        // input closed: the benchmark has gone, and so does the store
        server.shutdownNow();
    }
}
