package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the compliance records have caught up with the statements, kept in the database so that every server
 * instance continues where any other left off.
 */
@Component
class CatchUpCheckpoint {

    private static final String CHECKPOINTS = "compliance_checkpoints";
    private static final String ID = "training-events";

    private final MongoTemplate mongo;

    CatchUpCheckpoint(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Position(Instant stored, String statementId) {
        static final Position START = new Position(Instant.EPOCH, null);
    }

    Position read() {
        Document doc = mongo.getCollection(CHECKPOINTS).find(Filters.eq("_id", ID)).first();
        return doc == null ? Position.START : new Position(doc.getDate("stored").toInstant(), doc.getString("statementId"));
    }

    void write(Position position) {
        mongo.getCollection(CHECKPOINTS).replaceOne(Filters.eq("_id", ID), new Document("_id", ID)
                .append("stored", Date.from(position.stored())).append("statementId", position.statementId()),
                new ReplaceOptions().upsert(true));
    }
}
