package org.hipaatraining.lrs.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and starts the embedded store when no MongoDB URI is configured. */
final class EmbeddedStores {

    static final String DATABASE = "lrs";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);

    private EmbeddedStores() {
    }

    static EmbeddedStore start(StoreProperties properties) {
        EmbeddedStore store = switch (properties.embedded()) {
            case MEMORY -> MongoJavaServerStore.inMemory();
            case SQLITE, H2 -> sqlite(properties);
            case AUTO -> startMongodOrFallBack(properties);
        };
        log.info("Store: {}", store.description());
        log.warn("The embedded store is meant for evaluation and small practices. For production, point spring.mongodb.uri "
                + "at a MongoDB 6+ replica set or Atlas (see docs/mongodb.md).");
        return store;
    }

    private static EmbeddedStore sqlite(StoreProperties properties) {
        SqliteStore store = SqliteStore.open(properties.dataDir(), properties.embeddedSync());
        try {
            H2Migration.migrateIfPresent(properties.dataDir(), store.connectionString());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static EmbeddedStore startMongodOrFallBack(StoreProperties properties) {
        try {
            return FlapdoodleMongodStore.start(properties.dataDir());
        } catch (RuntimeException e) {
            log.info("No mongod binary could be obtained ({}); using the SQLite store instead", rootMessage(e));
            return sqlite(properties);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
