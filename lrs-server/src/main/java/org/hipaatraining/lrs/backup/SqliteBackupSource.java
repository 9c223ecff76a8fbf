package org.hipaatraining.lrs.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.hipaatraining.lrs.store.sqlite.BsonBytes;
import org.hipaatraining.lrs.store.sqlite.SqliteSnapshot;

/** The embedded store's file, read as of one instant beside the running LRS. */
final class SqliteBackupSource implements BackupSource {

    private final Path file;
    private final String database;
    private final SqliteSnapshot snapshot;

    SqliteBackupSource(Path file, String database) {
        this.file = file;
        this.database = database;
        this.snapshot = SqliteSnapshot.open(file);
    }

    @Override
    public String describe() {
        return "embedded store " + file.toAbsolutePath();
    }

    @Override
    public boolean pointInTime() {
        return true;
    }

    @Override
    public List<String> collections() {
        String prefix = database + ".";
        return snapshot.collections().stream().filter(n -> n.startsWith(prefix)).map(n -> n.substring(prefix.length())).toList();
    }

    @Override
    public List<Document> indexes(String collection) {
        return snapshot.indexes(database + "." + collection).stream()
                .map(index -> (Document) Document.parse(new RawBsonDocument(BsonBytes.encode(index)).toJson())).toList();
    }

    @Override
    public void forEachDocument(String collection, Consumer<byte[]> each) {
        snapshot.forEachDocument(database + "." + collection, each);
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
