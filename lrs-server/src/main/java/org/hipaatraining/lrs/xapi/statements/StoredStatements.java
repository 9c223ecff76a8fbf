package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The read side other features use for stored statements (the compliance records, their rebuild, LMS activity
 * mappings): typed {@link StoredStatement}s, in the order stored, never the statements collection itself.
 */
@Service
public class StoredStatements {

    private final StatementStore store;

    StoredStatements(StatementStore store) {
        this.store = store;
    }

    /**
     * Up to {@code limit} statements stored after the position ({@code after}, {@code afterId}), in stored order;
     * {@code afterId} breaks ties between statements stored in the same millisecond (null: from {@code after} on).
     */
    public List<StoredStatement> page(Instant after, String afterId, int limit) {
        return store.storedAfter(after, afterId, limit);
    }

    /** The stored statements among {@code ids}, in stored order. */
    public List<StoredStatement> byIds(Collection<String> ids) {
        return store.byIds(ids);
    }

    /** Every statement whose object is {@code activityIri}, in stored order. */
    public List<StoredStatement> aboutActivity(String activityIri) {
        return store.aboutActivity(activityIri);
    }
}
