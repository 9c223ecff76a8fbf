package org.hipaatraining.lrs.compliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each batch is written to the records outbox before it is stored and removed once applied: the live update clears
 * it, and the catch-up applies only the batches still there (a failed live update, a stopped instance), never every
 * statement again.
 */
class RecordsCatchUpTest extends LrsIntegrationTest {

    private static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RecordsCatchUp catchUp;

    @Autowired
    RecordsOutbox outbox;

    @Test
    void theLiveUpdateClosesItsBatchAndTheCatchUpAppliesOnlyBatchesLeftOpen() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = xapi.postJson("/xapi/statements", passed(id));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        outbox.flush(); // as the scheduler does a few times a second
        assertThat(outboxEntriesFor(id)).as("applied at once, so the batch is closed").isZero();
        assertThat(event(id)).isNotNull();

        // As if the instance had stopped between storing the statement and updating the records, a minute ago.
        mongo.getCollection("training_events").deleteOne(Filters.eq("_id", id));
        open("lost-" + id, List.of(id), Instant.now().minusSeconds(60));
        assertThat(catchUp.run()).isGreaterThanOrEqualTo(1);
        assertThat(event(id)).as("the catch-up applied the batch left open").isNotNull();
        assertThat(outboxEntriesFor(id)).isZero();

        // A batch opened just now is left to the instance applying it.
        mongo.getCollection("training_events").deleteOne(Filters.eq("_id", id));
        open("fresh-" + id, List.of(id), Instant.now());
        catchUp.run();
        assertThat(event(id)).isNull();
        assertThat(outboxEntriesFor(id)).isOne();
        mongo.getCollection("records_outbox").deleteOne(Filters.eq("_id", "fresh-" + id));

        // A batch whose statements are not all stored stays open (the insert may be on its way) until it is too old.
        String never = UUID.randomUUID().toString();
        open("partial-" + id, List.of(id, never), Instant.now().minusSeconds(60));
        catchUp.run();
        assertThat(event(id)).as("what is stored is applied").isNotNull();
        assertThat(outboxEntriesFor(never)).isOne();
        mongo.getCollection("records_outbox").updateOne(Filters.eq("_id", "partial-" + id),
                Updates.set("at", Date.from(Instant.now().minus(Duration.ofMinutes(11)))));
        catchUp.run();
        assertThat(outboxEntriesFor(never)).as("given up: that request failed and was undone").isZero();
    }

    private void open(String batchId, List<String> ids, Instant at) {
        mongo.getCollection("records_outbox").insertOne(new Document("_id", batchId).append("statements", ids)
                .append("at", Date.from(at)));
    }

    /** Open batches naming the statement (read by the `at` index, as the catch-up reads them). */
    private long outboxEntriesFor(String statementId) {
        List<Document> open = mongo.getCollection("records_outbox").find(Filters.gte("at", new Date(0))).into(new ArrayList<>());
        return open.stream().filter(d -> d.getList("statements", String.class).contains(statementId)).count();
    }

    private Document event(String id) {
        return mongo.getCollection("training_events").find(Filters.eq("_id", id)).first();
    }

    private static String passed(String id) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:catch-up-%s@clinic.test","name":"Learner"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
                 "object":{"id":"%s","objectType":"Activity"},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.9}},
                 "context":{"registration":"%s"}}
                """.formatted(id, id, PRIVACY, UUID.randomUUID());
    }
}
