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
    private final StatementLog statementLog;
    private final org.hipaatraining.lrs.xapi.XapiSettings settings;
    private final java.time.Clock clock;

    StoredStatements(StatementStore store, StatementLog statementLog, org.hipaatraining.lrs.xapi.XapiSettings settings,
                     java.time.Clock clock) {
        this.store = store;
        this.statementLog = statementLog;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A time before which every statement is in the statements collection, so a reader following {@link #page} never
     * passes a statement that appears later: "now" less the consistency window (writes in flight on any instance), or
     * earlier while a logged batch is not yet stored (a crashed instance's batch waits for its replay).
     */
    public Instant settledThrough() {
        Instant now = clock.instant();
        Instant settled = now.minus(settings.consistencyWindow());
        StatementLogRecovery.Backlog backlog = statementLog.backlog(now);
        if (backlog.batches() > 0) {
            Instant oldestOpen = now.minus(backlog.oldest());
            settled = oldestOpen.isBefore(settled) ? oldestOpen : settled;
        }
        return settled;
    }

    /** The raw content of an attachment a statement carries (not those given only by fileUrl). */
    public record Attachment(String sha2, String contentType, byte[] content) {
    }

    /** The attachments stored for these statements, by SHA-2: what a statement forwarded intact must carry along. */
    public java.util.Map<String, Attachment> attachmentsOf(Collection<StoredStatement> statements) {
        java.util.Set<String> hashes = new java.util.LinkedHashSet<>();
        for (StoredStatement s : statements) {
            if (s.json().contains("\"attachments\"")) {
                s.statement().path("attachments").forEach(a -> hashes.add(a.path("sha2").asString()));
            }
        }
        java.util.Map<String, Attachment> found = new java.util.LinkedHashMap<>();
        store.findAttachments(hashes).forEach((sha2, part) ->
                found.put(sha2, new Attachment(sha2, part.contentType(), part.content())));
        return found;
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

    /** A page of a report: statements newest first, and where the next page starts (null on the last page). */
    public record Slice(List<StoredStatement> statements, StatementPosition next) {
    }

    /** Up to {@code limit} statements matching {@code filter}, newest first, after {@code after} (null: the newest). */
    public Slice newestFirst(StatementFilter filter, StatementPosition after, int limit) {
        List<StoredStatement> found = store.newestFirst(filter.toDocument(after), limit + 1);
        if (found.size() <= limit) {
            return new Slice(found, null);
        }
        List<StoredStatement> page = List.copyOf(found.subList(0, limit));
        StoredStatement last = page.get(limit - 1);
        return new Slice(page, new StatementPosition(last.stored(), last.id()));
    }

    /**
     * Hands every statement matching {@code filter} to {@code each}, newest first, from a database cursor: memory stays
     * at one batch of documents whatever the count (exports).
     */
    public void forEachNewestFirst(StatementFilter filter, java.util.function.Consumer<StoredStatement> each) {
        store.forEachNewestFirst(filter.toDocument(null), 500, each);
    }

    /**
     * Hands the stored JSON text of every statement matching {@code filter} to {@code each}, newest first, from a
     * cursor that reads only that field (the NDJSON export: no facets decoded, nothing parsed).
     */
    public void forEachJsonNewestFirst(StatementFilter filter, java.util.function.Consumer<String> each) {
        store.forEachJsonNewestFirst(filter.toDocument(null), 500, each);
    }

    /** A statement by id, voided or not. */
    public java.util.Optional<StoredStatement> byId(String id) {
        return store.storedById(id.toLowerCase(java.util.Locale.ROOT));
    }
}
