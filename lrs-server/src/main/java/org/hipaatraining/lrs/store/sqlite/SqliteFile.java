package org.hipaatraining.lrs.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The SQLite file behind the embedded store, and its transactions. Every MongoDB command runs in exactly one SQLite
 * transaction: writes one at a time on the writer connection under a lock, and committed (with an fsync when
 * {@link Durability#FULL}) before the reply leaves, so an acknowledged write is on disk and a command interrupted by a
 * crash leaves no trace; reads on pooled connections, each seeing the last committed state as of its start (WAL mode
 * lets them run beside the writer).
 */
final class SqliteFile implements AutoCloseable {

    /** How hard a commit tries to reach the disk. */
    enum Durability {
        /** fsync of the write-ahead log at every commit: survives a crash of the machine or a power cut. */
        FULL,
        /** the log is written at every commit and synced at checkpoints: survives a crash of the process. */
        NORMAL
    }

    private static final int MAX_READERS = 8;

    private final Path path;
    private final String url;
    private final SqlConnection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final LinkedBlockingDeque<SqlConnection> idleReaders = new LinkedBlockingDeque<>();
    private final List<SqlConnection> allReaders = new ArrayList<>();
    private final AtomicInteger readerCount = new AtomicInteger();
    private final ThreadLocal<SqlConnection> current = new ThreadLocal<>();
    private final List<Runnable> rollbackListeners = new ArrayList<>();
    private final List<CommitListener> commitListeners = new ArrayList<>();

    /** Told around every commit of a write command, to publish what it changed only once it is committed. */
    interface CommitListener {
        /** Before COMMIT: forget what the command changed, so that no reader trusts the older knowledge after it. */
        void beforeCommit();

        /** After COMMIT: what the command created is now what every reader sees. */
        void afterCommit();
    }
    private final FileChannel lockChannel;
    private final FileLock processLock;

    private SqliteFile(Path path, Durability durability) {
        this.path = path;
        this.url = "jdbc:sqlite:" + path.toAbsolutePath();
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            // one process at a time writes the file; the backup command reads it beside the server without this lock
            this.lockChannel = FileChannel.open(path.resolveSibling(path.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.processLock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the data folder " + path.toAbsolutePath().getParent(), e);
        }
        if (processLock == null) {
            throw new IllegalStateException("Another process is using " + path.toAbsolutePath()
                    + " (is the LRS already running with this lrs.data-dir?)");
        }
        this.writer = connect();
        writer.execute("PRAGMA journal_mode=WAL");
        writer.execute("PRAGMA synchronous=" + durability.name());
        writer.execute("PRAGMA cache_size=-16384");
    }

    static SqliteFile open(Path path, Durability durability) {
        return new SqliteFile(path, durability);
    }

    Path path() {
        return path;
    }

    private SqlConnection connect() {
        try {
            SqlConnection connection = new SqlConnection(DriverManager.getConnection(url));
            connection.execute("PRAGMA busy_timeout=30000");
            return connection;
        } catch (SQLException e) {
            throw StoreFailure.of("open " + url, e);
        }
    }

    /** Runs a write command in its own transaction, committed before this returns; rolled back whole if it fails. */
    <T> T write(Supplier<T> command) {
        if (current.get() != null) {
            return command.get();
        }
        writeLock.lock();
        try {
            current.set(writer);
            writer.execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = command.get();
                commitListeners.forEach(CommitListener::beforeCommit);
                writer.execute("COMMIT");
                commitListeners.forEach(CommitListener::afterCommit);
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
            return result;
        } finally {
            current.remove();
            writeLock.unlock();
        }
    }

    private void rollback() {
        try {
            writer.execute("ROLLBACK");
        } catch (StoreFailure ignored) {
            // SQLite rolls back by itself after some errors (a full disk): there is no transaction left to end
        }
        writer.forgetStatements();
        rollbackListeners.forEach(Runnable::run);
    }

    /** Runs a read command on a snapshot of the committed data. */
    <T> T read(Supplier<T> command) {
        if (current.get() != null) {
            return command.get();
        }
        SqlConnection reader = borrowReader();
        try {
            current.set(reader);
            reader.execute("BEGIN");
            try {
                return command.get();
            } finally {
                reader.execute("COMMIT");
            }
        } finally {
            current.remove();
            idleReaders.addFirst(reader);
        }
    }

    private SqlConnection borrowReader() {
        SqlConnection reader = idleReaders.pollFirst();
        if (reader != null) {
            return reader;
        }
        if (readerCount.incrementAndGet() <= MAX_READERS) {
            SqlConnection created = connect();
            created.execute("PRAGMA query_only=1");
            created.execute("PRAGMA cache_size=-4096");
            synchronized (allReaders) {
                allReaders.add(created);
            }
            return created;
        }
        readerCount.decrementAndGet();
        try {
            reader = idleReaders.pollFirst(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader == null) {
            throw new IllegalStateException("no SQLite reader free for 30 s");
        }
        return reader;
    }

    /** The connection of the command running on this thread. */
    SqlConnection current() {
        SqlConnection connection = current.get();
        if (connection == null) {
            throw new IllegalStateException("store access outside a command's transaction");
        }
        return connection;
    }

    boolean inTransaction() {
        return current.get() != null;
    }

    /** Whether the command running on this thread is a write. */
    boolean inWrite() {
        return current.get() == writer;
    }

    void onCommit(CommitListener listener) {
        commitListeners.add(listener);
    }

    /** Called after a write command was rolled back, to drop anything cached about what it had created. */
    void onRollback(Runnable listener) {
        rollbackListeners.add(listener);
    }

    /**
     * Makes later writes fail as a full disk does (SQLite refuses pages beyond the limit), for tests of what a client
     * sees when the disk fills; {@code 0} lifts the limit.
     */
    void limitSize(long maxBytes) {
        write(() -> {
            long pageSize = writer.first("PRAGMA page_size", row -> row.getLong(1));
            long pages = maxBytes <= 0 ? 1_073_741_823L : Math.max(1, maxBytes / pageSize);
            writer.first("PRAGMA max_page_count=" + pages, row -> row.getLong(1));
            return null;
        });
    }

    /** Makes later writes fail as on a read-only disk, for tests; {@code false} allows them again. */
    void refuseWrites(boolean refuse) {
        writeLock.lock();
        try {
            writer.execute("PRAGMA query_only=" + (refuse ? 1 : 0));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (allReaders) {
                allReaders.forEach(SqlConnection::close);
                allReaders.clear();
            }
            try {
                writer.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (StoreFailure ignored) {
                // a checkpoint is an optimisation; the log is replayed at the next start
            }
            writer.close();
            processLock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // closing at shutdown
        } finally {
            writeLock.unlock();
        }
    }
}
