package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the compliance records of this database have been brought up to the outbox catch-up. Earlier versions kept a
 * checkpoint here (the stored time up to which every statement had been applied); statements after it have no outbox
 * entry, so they are read once from it, and then the document says so.
 */
@Component
class CatchUpCheckpoint {

    private static final String CHECKPOINTS = "compliance_checkpoints";
    private static final String ID = "training-events";
    private static final String UPGRADED = "outbox";

    private final MongoTemplate mongo;

    CatchUpCheckpoint(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Position(Instant stored, String statementId) {
        static final Position START = new Position(Instant.EPOCH, null);
    }

    /**
     * Where statements without an outbox entry start: the old checkpoint, or the start when the records were never
     * built (a new database, or one from before the compliance records); empty once upgraded.
     */
    Optional<Position> readLegacy() {
        Document doc = mongo.getCollection(CHECKPOINTS).find(Filters.eq("_id", ID)).first();
        if (doc == null) {
            return Optional.of(Position.START);
        }
        return Boolean.TRUE.equals(doc.getBoolean(UPGRADED)) ? Optional.empty()
                : Optional.of(new Position(doc.getDate("stored").toInstant(), doc.getString("statementId")));
    }

    void markUpgraded() {
        mongo.getCollection(CHECKPOINTS).replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append(UPGRADED, true),
                new ReplaceOptions().upsert(true));
    }
}
