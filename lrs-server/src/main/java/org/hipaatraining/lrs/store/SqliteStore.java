package org.hipaatraining.lrs.store;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;

/**
 * The default embedded store: mongo-java-server on a SQLite file ({@code lrs.sqlite} under {@code lrs.data-dir}),
 * reached by the LRS over a loopback socket with the MongoDB driver. A write is committed to the file, and by default
 * synced to the disk, before the LRS answers the request that made it.
 */
final class SqliteStore implements EmbeddedStore {

    static final String FILE_NAME = "lrs.sqlite";

    private final SqliteBackend backend;
    private final MongoServer server;
    private final String connectionString;
    private final String description;

    private SqliteStore(SqliteBackend backend, String description) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.connectionString = server.bindAndGetConnectionString() + "/" + EmbeddedStores.DATABASE;
        this.description = description;
    }

    static SqliteStore open(Path dataDir, boolean syncEveryCommit) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        return new SqliteStore(SqliteBackend.open(file, syncEveryCommit), "SQLite file " + file
                + (syncEveryCommit ? " (every write synced to disk before it is acknowledged)"
                : " (writes survive a crash of the LRS, not of the machine: lrs.embedded-sync=false)"));
    }

    SqliteBackend backend() {
        return backend;
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
        backend.close();
    }
}
