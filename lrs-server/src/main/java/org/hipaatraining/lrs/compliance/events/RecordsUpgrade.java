package org.hipaatraining.lrs.compliance.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings the records of a database written by an earlier release up to date, once, at start-up: statements stored
 * after the old catch-up checkpoint (releases before the records outbox), and batches left in the old
 * {@code records_outbox} (releases before the statement log took its place). From then on the statement log alone
 * guarantees every statement reaches the records.
 */
@Component
class RecordsUpgrade {

    private static final Logger log = LoggerFactory.getLogger(RecordsUpgrade.class);
    private static final String OLD_OUTBOX = "records_outbox";
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final CatchUpCheckpoint checkpoint;
    private final RecordsRebuild rebuild;
    private final TrainingEventProjector projector;
    private final org.hipaatraining.lrs.xapi.statements.StoredStatements statements;
    private final MongoTemplate mongo;

    RecordsUpgrade(CatchUpCheckpoint checkpoint, RecordsRebuild rebuild, TrainingEventProjector projector,
                   org.hipaatraining.lrs.xapi.statements.StoredStatements statements, MongoTemplate mongo) {
        this.checkpoint = checkpoint;
        this.rebuild = rebuild;
        this.projector = projector;
        this.statements = statements;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeOnce() {
        checkpoint.readLegacy().ifPresent(position -> {
            Instant from = position.stored().equals(Instant.EPOCH) ? Instant.EPOCH : position.stored().minus(MARGIN);
            long read = rebuild.walk(from, null, projector::apply);
            checkpoint.markUpgraded();
            if (read > 0) {
                log.info("Compliance records: applied {} statements stored before the records outbox existed", read);
            }
        });
        if (mongo.collectionExists(OLD_OUTBOX)) {
            long applied = 0;
            for (Document batch : mongo.getCollection(OLD_OUTBOX).find()) {
                List<String> ids = new ArrayList<>(batch.getList("statements", String.class));
                var stored = statements.byIds(ids);
                projector.apply(stored);
                applied += stored.size();
            }
            mongo.getCollection(OLD_OUTBOX).drop();
            log.info("Compliance records: applied {} statements left in the old records outbox", applied);
        }
    }
}
