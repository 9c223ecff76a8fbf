package org.hipaatraining.lrs.compliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Statements carry a pending mark until the compliance records have applied them: the live update clears it, and the
 * catch-up applies only what is still marked (a failed live update, a stopped instance), never every statement again.
 */
class RecordsCatchUpTest extends LrsIntegrationTest {

    private static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RecordsCatchUp catchUp;

    @Test
    void theLiveUpdateClearsTheMarkAndTheCatchUpAppliesOnlyWhatIsStillMarked() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = xapi.postJson("/xapi/statements", passed(id));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(statement(id)).doesNotContainKey("pending");
        assertThat(event(id)).isNotNull();

        // As if the instance had stopped between storing the statement and updating the records, a minute ago.
        mongo.getCollection("training_events").deleteOne(Filters.eq("_id", id));
        mark(id, Instant.now().minusSeconds(60));
        assertThat(catchUp.run()).isGreaterThanOrEqualTo(1);
        assertThat(event(id)).as("the catch-up applied the pending statement").isNotNull();
        assertThat(statement(id)).doesNotContainKey("pending");

        // A statement marked just now is left to the instance applying it.
        mongo.getCollection("training_events").deleteOne(Filters.eq("_id", id));
        mark(id, Instant.now());
        catchUp.run();
        assertThat(event(id)).isNull();
        assertThat(statement(id)).containsKey("pending");
        mark(id, Instant.now().minusSeconds(60));
        catchUp.run();
        assertThat(event(id)).isNotNull();
    }

    private void mark(String id, Instant at) {
        mongo.getCollection("statements").updateOne(Filters.eq("_id", id), Updates.set("pending", Date.from(at)));
    }

    private Document statement(String id) {
        return mongo.getCollection("statements").find(Filters.eq("_id", id)).first();
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
