package org.hipaatraining.lrs.backup;

import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;

/** What a backup reads: a store's collections, their indexes and their documents as BSON bytes. */
interface BackupSource extends AutoCloseable {

    /** Where the data comes from, for the manifest and the log. */
    String describe();

    /** Whether every collection is read as of one instant (the embedded store) or one collection after another. */
    boolean pointInTime();

    /** Collection names, without the database. */
    List<String> collections();

    /** Index descriptions ({@code key}, {@code name}, {@code unique}, ...) as {@code listIndexes} gives them. */
    List<Document> indexes(String collection);

    void forEachDocument(String collection, Consumer<byte[]> each);

    @Override
    void close();
}
