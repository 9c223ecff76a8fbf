package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.compliance.events.ProjectionErrors;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch is logged before it is stored, so a request cut short at any step (here stopped on purpose after each step,
 * as a crash would stop it) is finished later from the log: every statement stored once, voids applied, records
 * made; a re-send meanwhile is answered 200 and stores nothing twice; a statement the records cannot use is set aside
 * without holding back the rest.
 */
class StatementLogTest extends LrsIntegrationTest {

    private static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    @Autowired
    StatementWriter writer;

    @Autowired
    StatementLogRecovery recovery;

    @Autowired
    StatementLog statementLog;

    @Autowired
    ProjectionErrors projectionErrors;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void noMoreCrashes() {
        writer.afterStep = step -> {
        };
    }

    /** The request's instance "dies" after {@code step}: the request fails and the batch stays in the log. */
    private void crashAfter(String step) {
        writer.afterStep = s -> {
            if (s.equals(step)) {
                writer.afterStep = x -> {
                };
                throw new IllegalStateException("simulated crash after " + step);
            }
        };
    }

    /** As if the crashed instance's lease had run out: another instance's recovery takes the batch over. */
    private void leaseRunsOut() {
        mongo.getCollection(StatementLog.LOG).updateMany(Filters.gte("leaseUntil", new Date(0)),
                Updates.set("leaseUntil", Date.from(Instant.now().minusSeconds(1))));
    }

    /** The log entry holding a statement, if any (other tests' entries may be there too). */
    private Document entryOf(String statementId) {
        for (Document entry : mongo.getCollection(StatementLog.LOG).find(Filters.gte("leaseUntil", new Date(0)))) {
            List<Document> documents = entry.getList("documents", Document.class);
            if (documents != null && documents.stream().anyMatch(d -> d.getString("_id").equals(statementId))) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void aBatchCutShortAtAnyStepIsFinishedFromTheLog() {
        for (String step : List.of("logged", "stored", "side effects")) {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            crashAfter(step);
            HttpResponse<String> cut = xapi.postJson("/xapi/statements", "[" + passed(first) + "," + passed(second) + "]");
            assertThat(cut.statusCode()).as(step).isEqualTo(500);

            assertThat(entryOf(first)).as(step).isNotNull();
            leaseRunsOut();
            recovery.run(); // or the scheduled run, which this waits for

            for (String id : List.of(first, second)) {
                assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).as(step).isEqualTo(200);
                assertThat(event(id)).as("records of a batch finished after " + step).isNotNull();
                assertThat(mongo.getCollection("statements").countDocuments(Filters.eq("_id", id))).isOne();
            }
            statementLog.flush();
            assertThat(entryOf(first)).as(step).isNull();
        }
    }

    @Test
    void aResendOfAHalfStoredBatchIsAcceptedAndStoresNothingTwice() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String body = "[" + passed(first) + "," + passed(second) + "]";
        crashAfter("stored");
        assertThat(xapi.postJson("/xapi/statements", body).statusCode()).isEqualTo(500);

        // the client retries at once, before any lease runs out: its retry finishes the batch, then is answered
        HttpResponse<String> retry = xapi.postJson("/xapi/statements", body);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(mongo.getCollection("statements").countDocuments(Filters.in("_id", first, second))).isEqualTo(2);
        assertThat(event(first)).isNotNull();
        assertThat(event(second)).isNotNull();
        statementLog.flush();
        assertThat(entryOf(first)).as("nothing left to finish").isNull();
    }

    @Test
    void aVoidCutShortIsAppliedByTheRecovery() {
        String target = UUID.randomUUID().toString();
        assertThat(xapi.postJson("/xapi/statements", passed(target)).statusCode()).isEqualTo(200);
        crashAfter("stored");
        String voiding = """
                {"actor":{"mbox":"mailto:admin@clinic.test"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(target);
        assertThat(xapi.postJson("/xapi/statements", voiding).statusCode()).isEqualTo(500);
        leaseRunsOut();
        recovery.run();
        assertThat(xapi.get("/xapi/statements", params("statementId", target)).statusCode()).isEqualTo(404);
        assertThat(xapi.get("/xapi/statements", params("voidedStatementId", target)).statusCode()).isEqualTo(200);
        assertThat(event(target)).as("the voided pass is no longer a record").isNull();
    }

    @Test
    void aStatementTheRecordsCannotUseIsSetAsideAndTheRestOfItsBatchCounts() {
        String poison = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        crashAfter("logged");
        assertThat(xapi.postJson("/xapi/statements", "[" + passed(poison) + "," + passed(fine) + "]").statusCode()).isEqualTo(500);
        // as if an earlier release had accepted a timestamp the mapper cannot read
        Document entry = entryOf(poison);
        List<Document> documents = entry.getList("documents", Document.class);
        for (Document d : documents) {
            if (d.getString("_id").equals(poison)) {
                d.put("json", d.getString("json").replaceFirst("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"not a time\""));
            }
        }
        mongo.getCollection(StatementLog.LOG).updateOne(Filters.eq("_id", entry.getString("_id")),
                Updates.set("documents", documents));
        leaseRunsOut();
        recovery.run();

        assertThat(event(fine)).isNotNull();
        assertThat(event(poison)).isNull();
        assertThat(projectionErrors.latest(50)).anySatisfy(e -> assertThat(e.statementId()).isEqualTo(poison));
        XapiHttp admin = xapi.credentials("admin", ADMIN_PASSWORD);
        assertThat(admin.get("/admin/record-keeping").body()).contains("Statements set aside").contains(poison);
        assertThat(admin.get("/api/compliance/projection-errors").body()).contains(poison).contains("not a time");
        statementLog.flush();
        assertThat(entryOf(fine)).as("not blocked").isNull();
    }

    private Document event(String id) {
        return mongo.getCollection("training_events").find(Filters.eq("_id", id)).first();
    }

    private static String passed(String id) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:log-%s@clinic.test","name":"Learner"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
                 "object":{"id":"%s","objectType":"Activity"},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.9}},
                 "context":{"registration":"%s"}}
                """.formatted(id, id, PRIVACY, UUID.randomUUID());
    }
}
