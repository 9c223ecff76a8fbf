package de.bwaldvogel.mongo.backend;

import java.util.List;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The few helpers of mongo-java-server that the SQLite store (org.hipaatraining.lrs.store.sqlite) reuses but the library
 * keeps package-private: its projection and cursor response shapes, so that the store answers exactly as the
 * library's own backends do. Nothing else of ours lives in this package.
 */
public final class PackageBridge {

    private PackageBridge() {
    }

    /** Applies a find's projection ({@code fieldSelector}) as mongo-java-server does; identity when there is none. */
    public static UnaryOperator<Document> projection(Document fieldSelector, String idField) {
        if (fieldSelector == null || fieldSelector.isEmpty()) {
            return UnaryOperator.identity();
        }
        Projection projection = new Projection(fieldSelector, idField);
        return projection::projectDocument;
    }

    public static Document firstBatch(String namespace, List<Document> documents, long cursorId) {
        return Utils.firstBatchCursorResponse(namespace, documents, cursorId);
    }

    public static Document nextBatch(String namespace, List<Document> documents, long cursorId) {
        return Utils.nextBatchCursorResponse(namespace, documents, cursorId);
    }

    /** A value as indexes hold it: numbers as doubles (where exact), missing as null, documents likewise. */
    public static Object normalize(Object value) {
        return Utils.normalizeValue(value);
    }

    public static boolean hasValue(Document document, String path) {
        return Utils.hasSubdocumentValue(document, path);
    }
}
