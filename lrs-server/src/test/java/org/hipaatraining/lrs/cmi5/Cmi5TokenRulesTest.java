package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ObjectNode;

/** What a launch token may not do, and the LMS-side statement rules of cmi5 9.3 and 10.2.2. */
class Cmi5TokenRulesTest extends LrsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private Cmi5Client cmi5;

    @BeforeEach
    void setUp() {
        cmi5 = new Cmi5Client(XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD));
    }

    private Cmi5Client.Launch launch(String mode) {
        return cmi5.launch(cmi5.register("module-privacy", Cmi5Client.newActor()), Cmi5Client.PRIVACY, mode);
    }

    private static HttpResponse<String> post(XapiHttp au, ObjectNode statement) {
        return au.postJson("/xapi/statements", statement.toString());
    }

    private static void assertRejected(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(XapiHttp.json(response).get("message").asString()).contains(message);
    }

    @Test
    void tokenIsBoundToItsActorRegistrationAndAu() {
        Cmi5Client.Launch launch = launch(null);
        XapiHttp au = cmi5.au(launch);
        assertThat(post(au, Cmi5Client.statement(launch, "initialized", null)).statusCode()).isEqualTo(200);

        ObjectNode otherActor = Cmi5Client.statement(launch, "experienced", null);
        otherActor.set("actor", Cmi5Client.newActor());
        assertRejected(post(au, otherActor), 403, "its own actor and registration");

        ObjectNode otherRegistration = Cmi5Client.statement(launch, "experienced", null);
        otherRegistration.withObjectProperty("context").put("registration", UUID.randomUUID().toString());
        assertRejected(post(au, otherRegistration), 403, "its own actor and registration");

        var state = params("activityId", launch.activityId(), "agent", launch.actor().toString(),
                "registration", launch.registration(), "stateId", "resume");
        assertThat(au.putJson("/xapi/activities/state", "{\"page\": 2}", state).statusCode()).isEqualTo(204);
        var otherActivity = params("activityId", "https://example.com/other", "agent", launch.actor().toString(),
                "registration", launch.registration(), "stateId", "resume");
        assertRejected(au.putJson("/xapi/activities/state", "{}", otherActivity), 403, "own actor, activity");
        var launchData = params("activityId", launch.activityId(), "agent", launch.actor().toString(),
                "registration", launch.registration(), "stateId", "LMS.LaunchData");
        assertRejected(au.putJson("/xapi/activities/state", "{}", launchData), 403, "cannot change or delete");

        ObjectNode voiding = Cmi5Client.statement(launch, "voided", null);
        voiding.putObject("object").put("objectType", "StatementRef").put("id", UUID.randomUUID().toString());
        assertRejected(post(au, voiding), 403, "cannot void");

        assertThat(au.get("/xapi/statements", params("limit", "5")).statusCode()).as("reads its own statements").isEqualTo(200);
        assertThat(au.get("/xapi/agents/profile", params("agent", launch.actor().toString(), "profileId", "x"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void tokenOfAnotherLaunchCannotWriteThisRegistration() {
        Cmi5Client.Launch mine = launch(null);
        Cmi5Client.Launch theirs = launch(null);
        XapiHttp theirAu = cmi5.au(theirs);
        assertRejected(post(theirAu, Cmi5Client.statement(mine, "initialized", null)), 403, "its own actor");
    }

    @Test
    void expiredTokenIsRefused() {
        Cmi5Client.Launch launch = launch(null);
        XapiHttp au = cmi5.au(launch);
        assertThat(post(au, Cmi5Client.statement(launch, "initialized", null)).statusCode()).isEqualTo(200);
        mongo.getCollection("cmi5_sessions").updateOne(Filters.eq("_id", launch.sessionId()),
                Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        assertThat(post(au, Cmi5Client.statement(launch, "terminated", null)).statusCode()).isEqualTo(401);
    }

    @Test
    void firstStatementMustBeInitializedAndTerminatedIsLast() {
        Cmi5Client.Launch launch = launch(null);
        XapiHttp au = cmi5.au(launch);
        assertRejected(post(au, Cmi5Client.statement(launch, "completed", null)), 400, "must be 'initialized'");
        assertThat(post(au, Cmi5Client.statement(launch, "initialized", null)).statusCode()).isEqualTo(200);
        assertRejected(post(au, Cmi5Client.statement(launch, "initialized", null)), 400, "already sent in this session");
        assertRejected(post(au, Cmi5Client.statement(launch, "https://w3id.org/xapi/adl/verbs/satisfied", null)), 400, "recorded by the LMS");
        ObjectNode terminated = Cmi5Client.statement(launch, "terminated", null);
        assertThat(post(au, terminated).statusCode()).isEqualTo(200);
        assertThat(post(au, terminated).statusCode()).as("a re-send of the same statement").isEqualTo(200);
        assertRejected(post(au, Cmi5Client.statement(launch, "experienced", null)), 400, "ended with 'terminated'");
    }

    @Test
    void passedTwiceOrFailedAfterPassedInARegistrationIsRefused() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        Cmi5Client.Launch first = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        XapiHttp au = cmi5.au(first);
        ObjectNode passed = Cmi5Client.statement(first, "passed", 0.9);
        assertThat(post(au, Cmi5Client.statement(first, "initialized", null)).statusCode()).isEqualTo(200);
        assertThat(post(au, passed).statusCode()).isEqualTo(200);
        assertThat(post(au, passed).statusCode()).as("the AU's retry of the same statement").isEqualTo(200);
        assertRejected(post(au, Cmi5Client.statement(first, "failed", 0.5)), 400, "'failed' cannot follow 'passed'");
        assertThat(post(au, Cmi5Client.statement(first, "terminated", null)).statusCode()).isEqualTo(200);

        Cmi5Client.Launch second = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        XapiHttp again = cmi5.au(second);
        assertThat(post(again, Cmi5Client.statement(second, "initialized", null)).statusCode()).isEqualTo(200);
        assertRejected(post(again, Cmi5Client.statement(second, "passed", 0.95)), 400,
                "'passed' was already recorded for this AU in registration " + registration);
        assertRejected(post(again, Cmi5Client.statement(second, "failed", 0.5)), 400, "'failed' cannot follow 'passed'");
    }

    @Test
    void scoresMustAgreeWithTheMasteryScore() {
        Cmi5Client.Launch launch = launch(null);
        XapiHttp au = cmi5.au(launch);
        assertThat(post(au, Cmi5Client.statement(launch, "initialized", null)).statusCode()).isEqualTo(200);
        assertRejected(post(au, Cmi5Client.statement(launch, "passed", 0.5)), 400, "below the masteryScore 0.8");
        assertRejected(post(au, Cmi5Client.statement(launch, "failed", 0.9)), 400, "meets the masteryScore");
        assertThat(post(au, Cmi5Client.statement(launch, "failed", 0.6)).statusCode()).isEqualTo(200);
        assertRejected(post(au, Cmi5Client.statement(launch, "passed", 0.9)), 400, "at most one of passed and failed");
    }

    @Test
    void browseAndReviewModesRecordNoResults() {
        for (String mode : new String[] {"Browse", "Review"}) {
            Cmi5Client.Launch launch = launch(mode);
            XapiHttp au = cmi5.au(launch);
            assertThat(post(au, Cmi5Client.statement(launch, "initialized", null)).statusCode()).isEqualTo(200);
            assertRejected(post(au, Cmi5Client.statement(launch, "completed", null)), 400, "not allowed in " + mode);
            assertRejected(post(au, Cmi5Client.statement(launch, "passed", 0.9)), 400, "not allowed in " + mode);
            assertThat(post(au, Cmi5Client.statement(launch, "terminated", null)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void complianceCountsAPassUnderTheGeneratedAuIdForTheModuleAndNamesTheSession() {
        Cmi5Client.Launch launch = launch(null);
        XapiHttp au = cmi5.au(launch);
        ObjectNode passed = Cmi5Client.statement(launch, "passed", 0.85);
        for (ObjectNode statement : java.util.List.of(Cmi5Client.statement(launch, "initialized", null), passed)) {
            assertThat(post(au, statement).statusCode()).isEqualTo(200);
        }
        Document event = mongo.getCollection("training_events").find(Filters.eq("_id", passed.get("id").asString())).first();
        assertThat(event).as("the compliance event of the passed statement").isNotNull();
        assertThat(event.getString("moduleId")).isEqualTo("privacy");
        assertThat(event.getString("type")).isEqualTo("PASSED");
        assertThat(event.getString("source")).isEqualTo("cmi5:" + launch.sessionId());
    }

    @Test
    void storedStatementsOfATokenAreMarkedLaunchedByItsSession() {
        Cmi5Client.Launch launch = launch(null);
        ObjectNode initialized = Cmi5Client.statement(launch, "initialized", null);
        assertThat(post(cmi5.au(launch), initialized).statusCode()).isEqualTo(200);
        Document stored = mongo.getCollection("statements").find(Filters.eq("_id", initialized.get("id").asString())).first();
        assertThat(stored.getString("launchedBy")).isEqualTo(launch.sessionId());

        String selfReported = UUID.randomUUID().toString();
        ObjectNode copy = Cmi5Client.statement(launch, "initialized", null).put("id", selfReported);
        assertThat(xapi.postJson("/xapi/statements", copy.toString()).statusCode()).isEqualTo(200);
        assertThat(mongo.getCollection("statements").find(Filters.eq("_id", selfReported)).first().getString("launchedBy"))
                .isNull();
    }
}
