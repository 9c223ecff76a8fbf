package org.hipaatraining.lrs.store.sqlite;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * mongo-java-server on a SQLite file: the embedded store of the LRS. Every command runs in one SQLite transaction
 * ({@link SqliteFile}), so an acknowledged write is on disk and a command cut short by a crash, a full disk or a
 * read-only disk leaves nothing behind; secondary indexes are real ({@link SqliteSecondaryIndex}) and queries use them
 * ({@link QueryPlanner}). The LRS speaks to it over a socket with the MongoDB driver, exactly as to MongoDB.
 */
public final class SqliteBackend extends AbstractMongoBackend {

    /** Commands that only read: they run on a snapshot beside the writer. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "dbstats", "collstats", "validate", "listdatabases");
    /** Commands that touch no data. */
    private static final Set<String> NO_DATA = Set.of("hello", "ismaster", "ping", "buildinfo", "whatsmyuri",
            "getlasterror", "reseterror", "endsessions", "killcursors", "serverstatus", "hostinfo", "getcmdlineopts",
            "getfreemonitoringstatus", "connectionstatus", "getparameter", "saslstart", "saslcontinue", "logout",
            "getlog", "currentop");
    private static final long CURSOR_IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final SqliteFile file;
    private final Catalog catalog;
    private final Map<Long, ResumableCursor> cursors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sqlite-store-cursors");
        thread.setDaemon(true);
        return thread;
    });

    private SqliteBackend(SqliteFile file) {
        this.file = file;
        this.catalog = new Catalog(file);
        file.write(() -> {
            for (String database : databaseNames()) {
                ((SqliteDatabase) resolveDatabase(database)).registerOrphanedCollections();
            }
            return null;
        });
        sweeper.scheduleWithFixedDelay(this::closeIdleCursors, 1, 1, TimeUnit.MINUTES);
    }

    /** Opens (or creates) the store in {@code file}; {@code durability} says when a commit is on disk. */
    public static SqliteBackend open(Path path, boolean syncEveryCommit) {
        return new SqliteBackend(SqliteFile.open(path, syncEveryCommit ? SqliteFile.Durability.FULL : SqliteFile.Durability.NORMAL));
    }

    private Set<String> databaseNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : catalog.namesStartingWith("")) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                names.add(name.substring(0, dot));
            }
        }
        return names;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new SqliteDatabase(databaseName, getCursorRegistry(), file, catalog, cursors);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("hello")) {
            // MongoDB 5+'s name for isMaster, which health checks and newer drivers send
            Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
            reply.put("isWritablePrimary", Boolean.TRUE);
            return reply;
        }
        try {
            if (NO_DATA.contains(name)) {
                return super.handleCommand(channel, databaseName, command, query);
            } else if (READS.contains(name) || (name.equals("aggregate") && !writesOut(query))) {
                return file.read(() -> super.handleCommand(channel, databaseName, command, query));
            }
            return file.write(() -> super.handleCommand(channel, databaseName, command, query));
        } catch (StoreFailure e) {
            // the whole command was rolled back; tell the client why, with a code it can act on
            throw new MongoServerError(e.kind() == StoreFailure.Kind.DISK_FULL ? 14031 : 8,
                    e.kind() == StoreFailure.Kind.DISK_FULL ? "OutOfDiskSpace" : "UnknownError",
                    "The embedded store could not complete the command: " + e.getMessage());
        }
    }

    private static boolean writesOut(Document aggregate) {
        Object pipeline = aggregate.get("pipeline");
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void closeIdleCursors() {
        cursors.values().removeIf(cursor -> {
            if (cursor.idleNanos() > CURSOR_IDLE_NANOS) {
                getCursorRegistry().remove(cursor.getId());
                return true;
            }
            return false;
        });
    }

    /** The SQLite file, for backups and tests. */
    SqliteFile file() {
        return file;
    }

    /** Which plan a query would use: for tests and diagnostics. */
    public String explain(String database, String collection, Document query, Document sort) {
        return file.read(() -> {
            var found = resolveDatabase(database).resolveCollection(collection, false);
            return found instanceof SqliteCollection c ? c.explain(query, sort) : "no such collection";
        });
    }

    /** Makes writes fail as on a full disk once the file reaches {@code maxBytes} (0: no limit), for tests. */
    public void limitSize(long maxBytes) {
        file.limitSize(maxBytes);
    }

    /** Makes writes fail as on a read-only disk, for tests. */
    public void refuseWrites(boolean refuse) {
        file.refuseWrites(refuse);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        super.close();
        file.close();
    }
}
