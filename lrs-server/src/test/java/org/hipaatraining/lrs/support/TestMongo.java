package org.hipaatraining.lrs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;

/**
 * One store per test JVM, reached over a real socket by the real MongoDB driver, exactly as a production MongoDB
 * would be: the LRS's own embedded store (SQLite, in a temporary folder), so every whole-server test also exercises
 * the store practices run by default. Each caller gets its own database name.
 */
public final class TestMongo {

    private static MongoServer server;
    private static SqliteBackend backend;
    private static Path file;
    private static String base;

    private TestMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("lrs-test-store");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // tests need no fsync per commit: crash safety has tests of its own
            file = dir.resolve("lrs.sqlite");
            backend = SqliteBackend.open(file, false);
            server = new MongoServer(backend);
            base = server.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return base + "/" + database;
    }

    /** The store's file, for tests that read it directly (backups). */
    public static synchronized Path file() {
        uri("lrs-it");
        return file;
    }

    /** The store itself, for tests of what the LRS does when its disk fills or turns read-only. */
    public static synchronized SqliteBackend backend() {
        uri("lrs-it");
        return backend;
    }
}
