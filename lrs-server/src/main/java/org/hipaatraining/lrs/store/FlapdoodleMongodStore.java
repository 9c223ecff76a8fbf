package org.hipaatraining.lrs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.flapdoodle.embed.mongo.distribution.Version;
import de.flapdoodle.embed.mongo.transitions.Mongod;
import de.flapdoodle.embed.mongo.transitions.RunningMongodProcess;
import de.flapdoodle.embed.mongo.types.DatabaseDir;
import de.flapdoodle.reverse.TransitionWalker;
import de.flapdoodle.reverse.transitions.Start;

/** A real mongod, downloaded (or taken from flapdoodle's cache) and started as a child process. */
final class FlapdoodleMongodStore implements EmbeddedStore {

    private final TransitionWalker.ReachedState<RunningMongodProcess> running;
    private final String connectionString;
    private final Path databaseDir;

    private FlapdoodleMongodStore(TransitionWalker.ReachedState<RunningMongodProcess> running, Path databaseDir) {
        this.running = running;
        this.databaseDir = databaseDir;
        var address = running.current().getServerAddress();
        this.connectionString = "mongodb://" + address.getHost() + ":" + address.getPort() + "/" + EmbeddedStores.DATABASE;
    }

    /** Starts mongod with its data under {@code dataDir/mongod}; throws when no mongod binary can be obtained. */
    static FlapdoodleMongodStore start(Path dataDir) {
        Path databaseDir = dataDir.resolve("mongod").toAbsolutePath();
        try {
            Files.createDirectories(databaseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + databaseDir, e);
        }
        var running = Mongod.instance()
                .withDatabaseDir(Start.to(DatabaseDir.class).initializedWith(DatabaseDir.of(databaseDir)))
                .start(Version.Main.V7_0);
        return new FlapdoodleMongodStore(running, databaseDir);
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public String description() {
        return "embedded mongod (flapdoodle) with data at " + databaseDir;
    }

    @Override
    public void close() {
        running.close();
    }
}
