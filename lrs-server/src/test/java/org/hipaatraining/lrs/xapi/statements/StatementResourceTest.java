package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementResourceTest extends LrsIntegrationTest {

    @Test
    void postStoresAStatementAndReturnsItsId() {
        String mbox = XapiHttp.uniqueMbox();
        HttpResponse<String> post = xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.PRIVACY));

        assertThat(post.statusCode()).isEqualTo(200);
        String id = json(post).get(0).asString();
        JsonNode stored = json(xapi.get("/xapi/statements", params("statementId", id)));
        assertThat(stored.get("id").asString()).isEqualTo(id);
        assertThat(stored.get("actor").get("mbox").asString()).isEqualTo(mbox);
        assertThat(stored.has("stored")).isTrue();
        assertThat(stored.get("version").asString()).isEqualTo("1.0.0");
        assertThat(stored.get("authority").get("account").get("name").asString()).isEqualTo(KEY);
    }

    @Test
    void extensionKeysWithDotsAndDollarsSurviveExactly() {
        String id = UUID.randomUUID().toString();
        xapi.postJson("/xapi/statements", Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED,
                Statements.activityId(), UUID.randomUUID().toString()));

        JsonNode extensions = json(xapi.get("/xapi/statements", params("statementId", id, "format", "exact")))
                .get("object").get("definition").get("extensions");
        assertThat(extensions.get("http://example.org/ext/a.b$c").get("nested.key").asInt()).isEqualTo(1);
    }

    @Test
    void putStoresUnderTheGivenIdAndAnsweres204() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> put = xapi.putJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId()), params("statementId", id));

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(200);
    }

    @Test
    void resendingTheSameStatementChangesNothing() {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString());
        xapi.postJson("/xapi/statements", statement);
        String storedFirst = json(xapi.get("/xapi/statements", params("statementId", id))).get("stored").asString();

        HttpResponse<String> again = xapi.postJson("/xapi/statements", statement);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(xapi.get("/xapi/statements", params("statementId", id))).get("stored").asString()).isEqualTo(storedFirst);
    }

    @Test
    void aDifferentStatementWithAnExistingIdIsAConflict() {
        String id = UUID.randomUUID().toString();
        xapi.postJson("/xapi/statements", Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED,
                Statements.activityId(), UUID.randomUUID().toString()));

        HttpResponse<String> conflict = xapi.postJson("/xapi/statements", Statements.completed(id, XapiHttp.uniqueMbox(),
                Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("message").asString()).contains(id).contains("immutable");
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNothing() {
        String mbox = XapiHttp.uniqueMbox();
        String good = Statements.completed(mbox, Statements.activityId());
        String bad = good.replace("\"mbox\": \"" + mbox + "\"", "\"mbox\": \"not-an-email\"");

        HttpResponse<String> post = xapi.postJson("/xapi/statements", "[" + good + "," + bad + "]");

        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(json(post).get("message").asString()).startsWith("statements[1].actor.mbox:");
        JsonNode result = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox))));
        assertThat(result.get("statements")).isEmpty();
    }

    @Test
    void aBatchWithARepeatedIdIsRefused() {
        String id = UUID.randomUUID().toString();
        String s = Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString());

        HttpResponse<String> post = xapi.postJson("/xapi/statements", "[" + s + "," + s + "]");

        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(json(post).get("message").asString()).contains("more than once");
    }

    @Test
    void aBatchOfAHundredReturnsIdsInRequestOrder() {
        String mbox = XapiHttp.uniqueMbox();
        List<String> ids = new ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.append(i == 0 ? "" : ",").append(Statements.completed(id, mbox, Statements.COMPLETED,
                    Statements.activityId(), UUID.randomUUID().toString()));
        }

        HttpResponse<String> post = xapi.postJson("/xapi/statements", batch.append("]").toString());

        assertThat(post.statusCode()).isEqualTo(200);
        List<String> returned = new ArrayList<>();
        json(post).forEach(n -> returned.add(n.asString()));
        assertThat(returned).isEqualTo(ids);
    }

    @Test
    void voidingHidesTheTargetButTheVoidingStatementStillMatchesItsFilters() {
        String mbox = XapiHttp.uniqueMbox();
        String target = json(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())))
                .get(0).asString();
        String voiding = """
                {"actor": {"mbox": "mailto:privacy.officer@clinic.example"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(target);
        String voidingId = json(xapi.postJson("/xapi/statements", voiding)).get(0).asString();

        assertThat(xapi.get("/xapi/statements", params("statementId", target)).statusCode()).isEqualTo(404);
        assertThat(xapi.get("/xapi/statements", params("voidedStatementId", target)).statusCode()).isEqualTo(200);
        // The voiding statement targets a statement about this agent, so it matches the agent filter (xAPI "filter
        // conditions for StatementRefs"); the voided statement itself is not returned.
        JsonNode byAgent = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox))));
        assertThat(byAgent.get("statements")).hasSize(1);
        assertThat(byAgent.get("statements").get(0).get("id").asString()).isEqualTo(voidingId);
    }

    @Test
    void aVoidingStatementCannotBeVoided() {
        String target = json(xapi.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(),
                Statements.activityId()))).get(0).asString();
        String voidingTemplate = """
                {"actor": {"mbox": "mailto:privacy.officer@clinic.example"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""";
        String voiding = json(xapi.postJson("/xapi/statements", voidingTemplate.formatted(target))).get(0).asString();

        HttpResponse<String> second = xapi.postJson("/xapi/statements", voidingTemplate.formatted(voiding));

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).get("message").asString()).contains("cannot be voided");
    }

    @Test
    void statementsResponsesCarryConsistentThroughEvenOnErrors() {
        HttpResponse<String> ok = xapi.get("/xapi/statements", params("limit", "1"));
        HttpResponse<String> bad = xapi.get("/xapi/statements", params("limit", "-1"));

        assertThat(ok.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
    }

    @Test
    void theResponseEchoesTheRequestedVersion() {
        assertThat(xapi.version("2.0.0").get("/xapi/statements", params("limit", "1")).headers()
                .firstValue("X-Experience-API-Version")).hasValue("2.0.0");
        assertThat(xapi.version("1.0.1").get("/xapi/statements", params("limit", "1")).headers()
                .firstValue("X-Experience-API-Version")).hasValue("1.0.3");
    }

    @Test
    void version2StoresTimestampsInUtcAndSaysLastModified() {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString()).replace("2026-11-20T15:04:05.123Z", "2026-11-20T10:04:05.123-05:00");
        xapi.version("2.0.0").postJson("/xapi/statements", statement);

        HttpResponse<String> get = xapi.version("2.0.0").get("/xapi/statements", params("statementId", id));
        assertThat(json(get).get("timestamp").asString()).isEqualTo("2026-11-20T15:04:05.123Z");
        assertThat(json(get).get("version").asString()).isEqualTo("2.0.0");
        assertThat(get.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void singleContextActivitiesAreReturnedAsArrays() {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString()).replace(
                "\"grouping\": [{\"id\": \"https://hipaa-training.org/xapi/activities/role/front-desk\"}]",
                "\"grouping\": {\"id\": \"https://hipaa-training.org/xapi/activities/role/front-desk\"}");
        xapi.postJson("/xapi/statements", statement);

        JsonNode grouping = json(xapi.get("/xapi/statements", params("statementId", id)))
                .get("context").get("contextActivities").get("grouping");
        assertThat(grouping.isArray()).isTrue();
        assertThat(grouping).hasSize(1);
    }
}
