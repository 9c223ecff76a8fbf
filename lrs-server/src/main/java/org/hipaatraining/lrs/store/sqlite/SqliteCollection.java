package org.hipaatraining.lrs.store.sqlite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.PackageBridge;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection as a SQLite table of (position, BSON document), plus one table per index. Queries are planned by
 * {@link QueryPlanner} and read lazily by {@link PlanScan}, so a page of a large collection reads about a page of
 * rows and no query holds the collection in memory, except one that must sort what no index orders.
 */
final class SqliteCollection extends AbstractMongoCollection<Long> {

    /** A stored row: where, and the BSON bytes. */
    record Row(long position, byte[] bytes) {
    }

    private final SqliteFile file;
    private final Catalog catalog;

    SqliteCollection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursors,
                     SqliteFile file, Catalog catalog) {
        super(database, collectionName, options, cursors);
        this.file = file;
        this.catalog = catalog;
    }

    private String table() {
        return catalog.ensure(getFullName(), Catalog.Kind.COLLECTION).name();
    }

    private String tableOrNull() {
        Catalog.Table table = catalog.find(getFullName());
        return table == null ? null : table.name();
    }

    // ---- rows

    @Override
    protected Long addDocumentInternal(Document document) {
        return file.current().insert("INSERT INTO " + table() + " (doc) VALUES (?)", new Object[]{BsonBytes.encode(document)});
    }

    @Override
    protected Document getDocument(Long position) {
        byte[] bytes = rowBytes(position);
        return bytes == null ? null : BsonBytes.decode(bytes);
    }

    byte[] rowBytes(long position) {
        String table = tableOrNull();
        return table == null ? null
                : file.current().first("SELECT doc FROM " + table + " WHERE pos = ?", row -> row.getBytes(1), position);
    }

    List<Row> rowsAfter(long position, boolean reverse, int limit) {
        String table = tableOrNull();
        List<Row> rows = new ArrayList<>(Math.min(limit, 512));
        if (table != null) {
            file.current().forEach("SELECT pos, doc FROM " + table + (reverse ? " WHERE pos < ? ORDER BY pos DESC" : " WHERE pos > ? ORDER BY pos")
                    + " LIMIT " + limit, row -> rows.add(new Row(row.getLong(1), row.getBytes(2))), position);
        }
        return rows;
    }

    @Override
    protected void removeDocument(Long position) {
        file.current().update("DELETE FROM " + table() + " WHERE pos = ?", position);
    }

    @Override
    protected void handleUpdate(Long position, Document oldDocument, Document newDocument) {
        file.current().update("UPDATE " + table() + " SET doc = ? WHERE pos = ?", BsonBytes.encode(newDocument), position);
    }

    /** Removes a document and its index entries; secondary entries are found by the document's position. */
    @Override
    public void removeDocument(Document document) {
        Long position = positionOf(document);
        if (position == null) {
            return;
        }
        for (Index<Long> index : getIndexes()) {
            if (index instanceof SqliteSecondaryIndex secondary) {
                secondary.remove(document, position);
            } else {
                index.remove(document);
            }
        }
        removeDocument(position);
    }

    private Long positionOf(Document document) {
        for (Index<Long> index : getIndexes()) {
            if (index.isUnique()) {
                Long position = index.getPosition(document);
                if (position != null) {
                    return position;
                }
            }
        }
        return findDocumentPosition(document);
    }

    @Override
    public int count() {
        String table = tableOrNull();
        return table == null ? 0 : file.current().first("SELECT count(*) FROM " + table, row -> row.getInt(1));
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // not tracked: SQLite knows the file's size
    }

    @Override
    protected int getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        catalog.drop(getFullName());
    }

    // ---- queries

    private List<ScannableIndex> scannableIndexes() {
        List<ScannableIndex> scannable = new ArrayList<>();
        for (Index<Long> index : getIndexes()) {
            if (index instanceof ScannableIndex s) {
                scannable.add(s);
            }
        }
        return scannable;
    }

    QueryPlanner.Plan plan(Document query, Document orderBy) {
        return QueryPlanner.plan(query, orderBy, scannableIndexes());
    }

    /**
     * The matching documents, sorted, skipped, limited and projected, lazily. Inside a write command (an update or a
     * delete iterating its matches) the matches are fixed first, by position, so that documents the command changes
     * are neither seen twice nor missed.
     */
    Iterator<PlanScan.Hit> results(Document query, Document orderBy, int skip, int limit, Document projection) {
        QueryPlanner.Plan plan = plan(query, orderBy);
        Iterator<PlanScan.Hit> hits = new PlanScan(this, plan, document -> documentMatchesQuery(document, query));
        int take = limit > 0 ? limit : Integer.MAX_VALUE;
        if (!plan.sortProvided()) {
            hits = sorted(hits, orderBy, limit > 0 ? skip + limit : 0);
        }
        hits = skipAndLimit(hits, skip, take);
        if (file.inWrite()) {
            hits = fixedFirst(hits);
        }
        UnaryOperator<Document> project = PackageBridge.projection(projection, getIdField());
        Iterator<PlanScan.Hit> source = hits;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public PlanScan.Hit next() {
                PlanScan.Hit hit = source.next();
                return new PlanScan.Hit(hit.position(), project.apply(hit.document()), hit.size());
            }
        };
    }

    /** Sorts in memory what no index orders: the first {@code keep} only (a bounded heap) when a limit is known. */
    private static Iterator<PlanScan.Hit> sorted(Iterator<PlanScan.Hit> hits, Document orderBy, int keep) {
        DocumentComparator comparator = new DocumentComparator(orderBy);
        java.util.Comparator<PlanScan.Hit> byDocument = (a, b) -> comparator.compare(a.document(), b.document());
        List<PlanScan.Hit> all;
        if (keep > 0) {
            PriorityQueue<PlanScan.Hit> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, byDocument.reversed());
            hits.forEachRemaining(hit -> {
                heap.add(hit);
                if (heap.size() > keep) {
                    heap.poll();
                }
            });
            all = new ArrayList<>(heap);
        } else {
            all = new ArrayList<>();
            hits.forEachRemaining(all::add);
        }
        all.sort(byDocument);
        return all.iterator();
    }

    private static Iterator<PlanScan.Hit> skipAndLimit(Iterator<PlanScan.Hit> hits, int skip, int limit) {
        return new Iterator<>() {
            int skipped;
            int returned;

            @Override
            public boolean hasNext() {
                while (skipped < skip && hits.hasNext()) {
                    hits.next();
                    skipped++;
                }
                return returned < limit && hits.hasNext();
            }

            @Override
            public PlanScan.Hit next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return hits.next();
            }
        };
    }

    /** Takes the matches' positions first, then reads each document again as the write command reaches it. */
    private Iterator<PlanScan.Hit> fixedFirst(Iterator<PlanScan.Hit> hits) {
        List<Long> positions = new ArrayList<>();
        hits.forEachRemaining(hit -> positions.add(hit.position()));
        Iterator<Long> each = positions.iterator();
        return new Iterator<>() {
            PlanScan.Hit next;

            @Override
            public boolean hasNext() {
                while (next == null && each.hasNext()) {
                    long position = each.next();
                    byte[] bytes = rowBytes(position);
                    if (bytes != null) {
                        next = new PlanScan.Hit(position, BsonBytes.decode(bytes), bytes.length);
                    }
                }
                return next != null;
            }

            @Override
            public PlanScan.Hit next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PlanScan.Hit hit = next;
                next = null;
                return hit;
            }
        };
    }

    private static Iterable<Document> documents(Iterator<PlanScan.Hit> hits) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hits.hasNext();
            }

            @Override
            public Document next() {
                return hits.next().document();
            }
        };
    }

    /** Every query of mongo-java-server's own commands (update, delete, count, distinct, findAndModify) comes here. */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return new QueryResult(documents(results(query, orderBy, numberToSkip, limit, fieldSelector)));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        return queryDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    @Override
    public int count(Document query, int skip, int limit) {
        if (query == null || query.isEmpty()) {
            int count = Math.max(0, count() - Math.max(skip, 0));
            return limit > 0 ? Math.min(limit, count) : count;
        }
        Iterator<PlanScan.Hit> hits = results(query, null, skip, limit, null);
        int count = 0;
        while (hits.hasNext()) {
            hits.next();
            count++;
        }
        return count;
    }

    @Override
    protected Stream<DocumentWithPosition<Long>> streamAllDocumentsWithPosition() {
        PlanScan scan = new PlanScan(this, QueryPlanner.Plan.tableScan(false, true), document -> true);
        Iterator<DocumentWithPosition<Long>> all = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return scan.hasNext();
            }

            @Override
            public DocumentWithPosition<Long> next() {
                PlanScan.Hit hit = scan.next();
                return new DocumentWithPosition<>(hit.document(), hit.position());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED), false);
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
    }

    /** What {@link #plan} chose, for tests and the store's diagnostics. */
    String explain(Document query, Document orderBy) {
        return plan(query, orderBy).describe();
    }
}
