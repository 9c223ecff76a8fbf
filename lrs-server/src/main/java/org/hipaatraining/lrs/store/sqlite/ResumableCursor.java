package org.hipaatraining.lrs.store.sqlite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The rest of a find's results, read on demand by each getMore (in that command's transaction) rather than held in
 * memory: a client can page through a million statements with a few hundred documents in the heap at any time.
 */
final class ResumableCursor extends AbstractCursor {

    /** A getMore without a batch size gets up to this many documents, or {@link #MAX_BATCH_BYTES}. */
    static final int DEFAULT_BATCH = 1000;
    /** A reply is one BSON document of at most 16 MB: batches stop well before. */
    static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    private final Iterator<PlanScan.Hit> rest;
    private volatile long lastUsed = System.nanoTime();

    ResumableCursor(long id, Iterator<PlanScan.Hit> rest) {
        super(id);
        this.rest = rest;
    }

    @Override
    public synchronized boolean isEmpty() {
        return !rest.hasNext();
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        lastUsed = System.nanoTime();
        return take(rest, numberToReturn > 0 ? numberToReturn : DEFAULT_BATCH);
    }

    long idleNanos() {
        return System.nanoTime() - lastUsed;
    }

    /** Up to {@code count} documents, fewer if they pass {@link #MAX_BATCH_BYTES}. */
    static List<Document> take(Iterator<PlanScan.Hit> hits, int count) {
        List<Document> batch = new ArrayList<>(Math.min(count, 1024));
        long bytes = 0;
        while (batch.size() < count && bytes < MAX_BATCH_BYTES && hits.hasNext()) {
            PlanScan.Hit hit = hits.next();
            batch.add(hit.document());
            bytes += hit.size();
        }
        return batch;
    }
}
