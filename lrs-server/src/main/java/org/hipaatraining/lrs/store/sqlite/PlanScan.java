package org.hipaatraining.lrs.store.sqlite;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Reads the documents a {@link QueryPlanner.Plan} covers, filtered, a chunk at a time. Each chunk is a fresh SQL
 * query that continues after the last key read, in the transaction of whichever command asks, so the scan holds no
 * SQL resources between chunks: a cursor can continue it in a later getMore, and memory stays at one chunk.
 */
final class PlanScan implements Iterator<PlanScan.Hit> {

    /** A matching document, where it is stored, and the size of its stored form. */
    record Hit(long position, Document document, int size) {
    }

    private static final int CHUNK = 256;

    private final SqliteCollection collection;
    private final QueryPlanner.Plan plan;
    private final Predicate<Document> matches;
    private final Set<Long> seen;
    private final ArrayDeque<Hit> ready = new ArrayDeque<>();
    private int range;
    private IndexTable.Entry after;
    private long afterPosition;
    private boolean exhausted;
    private long examined;

    PlanScan(SqliteCollection collection, QueryPlanner.Plan plan, Predicate<Document> matches) {
        this.collection = collection;
        this.plan = plan;
        this.matches = matches;
        this.seen = plan.index() != null && plan.index().table().multikey() ? new HashSet<>() : null;
        this.afterPosition = plan.reverse() ? Long.MAX_VALUE : 0;
    }

    /** Documents read so far, matching or not: what the plan cost. */
    long examined() {
        return examined;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !exhausted) {
            if (plan.index() == null) {
                readTableChunk();
            } else {
                readIndexChunk();
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public Hit next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    private void readTableChunk() {
        List<SqliteCollection.Row> rows = collection.rowsAfter(afterPosition, plan.reverse(), CHUNK);
        for (SqliteCollection.Row row : rows) {
            afterPosition = row.position();
            offer(row.position(), row.bytes());
        }
        exhausted = rows.size() < CHUNK;
    }

    private void readIndexChunk() {
        List<QueryPlanner.KeyRange> ranges = plan.ranges();
        QueryPlanner.KeyRange current = ranges.get(plan.reverse() ? ranges.size() - 1 - range : range);
        List<IndexTable.Entry> entries = plan.index().table().scan(current.from(), current.to(), plan.reverse(), after, CHUNK);
        for (IndexTable.Entry entry : entries) {
            after = entry;
            if (seen != null && !seen.add(entry.position())) {
                continue; // the same document under another of its keys
            }
            byte[] bytes = collection.rowBytes(entry.position());
            if (bytes != null) {
                offer(entry.position(), bytes);
            }
        }
        if (entries.size() < CHUNK) {
            after = null;
            range++;
            exhausted = range >= ranges.size();
        }
    }

    private void offer(long position, byte[] bytes) {
        examined++;
        Document document = BsonBytes.decode(bytes);
        if (matches.test(document)) {
            ready.add(new Hit(position, document, bytes.length));
        }
    }
}
