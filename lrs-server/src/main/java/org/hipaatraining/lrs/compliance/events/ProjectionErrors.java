package org.hipaatraining.lrs.compliance.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.stereotype.Repository;

/**
 * Statements the compliance records could not use ({@code projection_errors}): each is recorded with the reason and
 * skipped, so that one statement a rule cannot map never holds back the records of everyone else. Admins see them
 * on the records page and in health; a rebuild (after a rule is fixed) tries them again.
 */
@Repository
public class ProjectionErrors implements DeclaresIndexes {

    static final String ERRORS = "projection_errors";

    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    private final Clock clock;

    ProjectionErrors(org.springframework.data.mongodb.core.MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A statement that could not be mapped, why, and when it was last tried. */
    public record ProjectionError(String statementId, String reason, Instant at) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(ERRORS, new Document("at", -1)));
    }

    private MongoCollection<Document> errors() {
        return mongo.getCollection(ERRORS);
    }

    void record(String statementId, RuntimeException e) {
        String reason = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
        errors().replaceOne(Filters.eq("_id", statementId), new Document("_id", statementId)
                .append("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .append("at", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    /** Statements mapped fine now (after a fix) are no longer errors. */
    void cleared(Collection<String> statementIds) {
        if (!statementIds.isEmpty()) {
            errors().deleteMany(Filters.in("_id", statementIds));
        }
    }

    void clearAll() {
        errors().deleteMany(new Document());
    }

    public long count() {
        return errors().estimatedDocumentCount();
    }

    /** The most recent errors first. */
    public List<ProjectionError> latest(int limit) {
        List<ProjectionError> found = new ArrayList<>();
        for (Document d : errors().find().sort(Sorts.descending("at")).limit(limit)) {
            found.add(new ProjectionError(d.getString("_id"), d.getString("reason"), d.getDate("at").toInstant()));
        }
        return found;
    }
}
