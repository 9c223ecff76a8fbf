package org.hipaatraining.lrs.store;

/** A MongoDB server started inside this process for evaluation and small practices. */
public interface EmbeddedStore extends AutoCloseable {

    /** A connection string with the database name, e.g. {@code mongodb://127.0.0.1:40123/lrs}. */
    String connectionString();

    /** One line for the log: which store, where its data lives. */
    String description();

    @Override
    void close();
}
