package org.hipaatraining.lrs.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the store's write path: a small document is written (and acknowledged as every write is) on each
 * check. A store that still answers reads but cannot write (a full or read-only disk, a replica set without a
 * primary) turns this red, which a ping would not.
 */
@Component("storeWritesHealthIndicator")
class StoreWriteHealth extends AbstractHealthIndicator {

    private static final String PROBES = "health_probes";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance = java.util.UUID.randomUUID().toString();

    StoreWriteHealth(MongoTemplate mongo, Clock clock) {
        super("The store cannot write");
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        mongo.getCollection(PROBES).replaceOne(Filters.eq("_id", instance),
                new Document("_id", instance).append("at", Date.from(now)), new ReplaceOptions().upsert(true));
        builder.up().withDetail("writeMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
