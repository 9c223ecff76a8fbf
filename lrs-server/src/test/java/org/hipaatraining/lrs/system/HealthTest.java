package org.hipaatraining.lrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/health} tells the truth: red while the store cannot write (reads still answer, writes get 503, not
 * 500) and while a batch waits in the statement log too long; green again once the store recovers. Anyone sees the
 * status; signed-in admins see what it is made of.
 */
class HealthTest extends LrsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void storeWritesAgain() {
        TestMongo.backend().refuseWrites(false);
    }

    private HttpResponse<String> health(XapiHttp as) {
        return as.get("/actuator/health", java.util.Map.of());
    }

    private XapiHttp admin() {
        return xapi.credentials("admin", ADMIN_PASSWORD);
    }

    @Test
    void everyoneSeesTheStatusAndAdminsSeeItsParts() {
        HttpResponse<String> anonymous = health(xapi.anonymous());
        assertThat(anonymous.statusCode()).as(health(admin()).body()).isEqualTo(200);
        assertThat(XapiHttp.json(anonymous).path("status").asString()).isEqualTo("UP");
        assertThat(XapiHttp.json(anonymous).has("components")).isFalse();

        JsonNode detailed = XapiHttp.json(health(admin()));
        assertThat(detailed.path("components").path("storeWrites").path("status").asString()).isEqualTo("UP");
        assertThat(detailed.path("components").path("statementLog").path("details").has("unfinishedBatches")).isTrue();
        assertThat(detailed.path("components").path("trainingRecords").path("details").has("statementsSetAside")).isTrue();
    }

    @Test
    void aStoreThatCannotWriteTurnsHealthRedAndWritesGet503WhileReadsGoOn() {
        String mbox = XapiHttp.uniqueMbox();
        assertThat(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())).statusCode()).isEqualTo(200);

        TestMongo.backend().refuseWrites(true);
        HttpResponse<String> down = health(admin());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(XapiHttp.json(down).path("components").path("storeWrites").path("status").asString()).isEqualTo("DOWN");
        HttpResponse<String> refused = xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(xapi.get("/xapi/statements", XapiHttp.params("agent", Statements.agent(mbox))).statusCode()).isEqualTo(200);

        TestMongo.backend().refuseWrites(false);
        assertThat(health(admin()).statusCode()).isEqualTo(200);
        assertThat(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())).statusCode()).isEqualTo(200);
    }

    @Test
    void aBatchWaitingTooLongInTheStatementLogTurnsHealthRed() {
        String id = "stuck-" + UUID.randomUUID();
        // a batch its owner still holds, logged ten minutes ago and never finished
        mongo.getCollection("statement_log").insertOne(new Document("_id", id).append("at", Date.from(Instant.now().minusSeconds(600)))
                .append("owner", "another-host|1|1").append("leaseUntil", Date.from(Instant.now().plusSeconds(3600)))
                .append("voidTargets", List.of()).append("parts", 0).append("documents", List.of()));
        try {
            HttpResponse<String> down = health(admin());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(XapiHttp.json(down).path("components").path("statementLog").path("status").asString()).isEqualTo("DOWN");
        } finally {
            mongo.getCollection("statement_log").deleteOne(Filters.eq("_id", id));
        }
        assertThat(health(admin()).statusCode()).isEqualTo(200);
    }
}
