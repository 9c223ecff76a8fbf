package org.hipaatraining.lrs.store;

import java.util.List;

import org.bson.Document;

/**
 * An index the application needs, declared next to the code whose queries it serves.
 *
 * @param collection the collection it belongs to
 * @param keys       the key document, e.g. {@code {"facets.verb": 1, "stored": -1, "_id": -1}}
 * @param unique     whether the index enforces uniqueness
 */
public record IndexDeclaration(String collection, Document keys, boolean unique) {

    public static IndexDeclaration of(String collection, Document keys) {
        return new IndexDeclaration(collection, keys, false);
    }

    public static IndexDeclaration unique(String collection, Document keys) {
        return new IndexDeclaration(collection, keys, true);
    }

    public List<String> fields() {
        return List.copyOf(keys.keySet());
    }

    /** A readable name, stable across restarts, so re-declaring an index is a no-op. */
    public String name() {
        StringBuilder name = new StringBuilder();
        keys.forEach((field, direction) -> name.append(name.isEmpty() ? "" : "_").append(field).append('_').append(direction));
        return name.toString();
    }
}
