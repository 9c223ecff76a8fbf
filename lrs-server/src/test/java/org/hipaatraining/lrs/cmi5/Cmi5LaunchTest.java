package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** The LMS side of a cmi5 launch over HTTP: launch data, launched, fetch, the token, satisfied, abandoned, waived. */
class Cmi5LaunchTest extends LrsIntegrationTest {

    @Autowired
    AbandonSweeper sweeper;

    @Autowired
    MongoTemplate mongo;

    private Cmi5Client cmi5;

    @BeforeEach
    void setUp() {
        cmi5 = new Cmi5Client(XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD));
    }

    @Test
    void launchWritesLaunchDataAndLaunchedThenSatisfiedFollowsTheResults() {
        JsonNode actor = Cmi5Client.newActor();
        String registration = cmi5.register("module-privacy", actor);
        assertThat(cmi5.register("module-privacy", actor)).as("one registration per learner and course").isEqualTo(registration);

        Cmi5Client.Launch launch = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        assertThat(launch.path()).isEqualTo("/cmi5/content/module-privacy/modules/privacy/index.html");
        assertThat(launch.params()).containsKeys("endpoint", "fetch", "actor", "registration", "activityId");
        assertThat(launch.params().get("endpoint")).isEqualTo(xapi.base() + "/xapi/");
        assertThat(launch.activityId()).isNotEqualTo(Cmi5Client.PRIVACY).startsWith("https://hipaa-training.org/xapi/cmi5/");
        assertThat(cmi5.admin().get(launch.path()).statusCode()).as("the AU page is served").isEqualTo(200);

        XapiHttp au = cmi5.au(launch);
        HttpResponse<String> data = au.get("/xapi/activities/state", params("activityId", launch.activityId(),
                "agent", launch.actor().toString(), "registration", registration, "stateId", "LMS.LaunchData"));
        assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
        JsonNode launchData = XapiHttp.json(data);
        assertThat(launchData.get("launchMode").asString()).isEqualTo("Normal");
        assertThat(launchData.get("moveOn").asString()).isEqualTo("CompletedAndPassed");
        assertThat(launchData.get("masteryScore").asDouble()).isEqualTo(0.8);
        assertThat(launchData.get("returnURL").asString()).isEqualTo("https://lms.clinic.example/course/1");
        assertThat(launchData.at("/contextTemplate/extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
                .asString()).isEqualTo(launch.sessionId());
        assertThat(launchData.at("/contextTemplate/contextActivities/grouping/0/id").asString()).isEqualTo(Cmi5Client.PRIVACY);

        JsonNode launched = only(registration, "http://adlnet.gov/expapi/verbs/launched");
        assertThat(launched.at("/object/id").asString()).isEqualTo(launch.activityId());
        assertThat(launched.at("/context/extensions").get("https://w3id.org/xapi/cmi5/context/extensions/launchmode")
                .asString()).isEqualTo("Normal");
        assertThat(launched.at("/authority/account/name").asString()).isEqualTo("cmi5-launcher");

        for (String verb : List.of("initialized", "completed", "passed", "terminated")) {
            HttpResponse<String> r = au.postJson("/xapi/statements", Cmi5Client.statement(launch, verb, 0.9).toString());
            assertThat(r.statusCode()).as(verb + ": " + r.body()).isEqualTo(200);
        }

        JsonNode satisfied = only(registration, "https://w3id.org/xapi/adl/verbs/satisfied");
        assertThat(satisfied.at("/object/definition/type").asString()).isEqualTo("https://w3id.org/xapi/cmi5/activitytype/course");
        assertThat(satisfied.at("/context/extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
                .asString()).isEqualTo(launch.sessionId());
        JsonNode passed = only(registration, "http://adlnet.gov/expapi/verbs/passed");
        assertThat(passed.at("/authority/account/name").asString()).isEqualTo("cmi5:" + launch.sessionId());

        JsonNode view = XapiHttp.json(cmi5.admin().get("/api/cmi5/registrations/" + registration));
        assertThat(view.get("satisfied").asBoolean()).isTrue();
        assertThat(view.at("/aus/0/passed").asBoolean()).isTrue();
    }

    @Test
    void fetchUrlGivesATokenOnceThenErrorCodes() {
        Cmi5Client.Launch launch = cmi5.launch(cmi5.register("module-privacy", Cmi5Client.newActor()), Cmi5Client.PRIVACY, null);
        assertThat(cmi5.fetch(launch).has("auth-token")).isTrue();
        JsonNode again = cmi5.fetch(launch);
        assertThat(again.get("error-code").asString()).isEqualTo("1");
        assertThat(again.has("auth-token")).isFalse();

        String fetch = launch.params().get("fetch");
        String forged = fetch.substring(0, fetch.lastIndexOf('/') + 1) + "not-the-code";
        HttpResponse<String> wrong = cmi5.admin().anonymous().send("POST", java.net.URI.create(forged).getPath(), Map.of(),
                new byte[0]);
        assertThat(XapiHttp.json(wrong).get("error-code").asString()).isEqualTo("2");
    }

    @Test
    void newLaunchAbandonsTheOpenSessionAndEndsItsToken() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        Cmi5Client.Launch first = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        XapiHttp firstAu = cmi5.au(first);
        assertThat(firstAu.postJson("/xapi/statements", Cmi5Client.statement(first, "initialized", null).toString())
                .statusCode()).isEqualTo(200);

        cmi5.launch(registration, Cmi5Client.PRIVACY, null);

        JsonNode abandoned = only(registration, "https://w3id.org/xapi/adl/verbs/abandoned");
        assertThat(abandoned.at("/context/extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
                .asString()).isEqualTo(first.sessionId());
        assertThat(abandoned.at("/result/duration").asString()).startsWith("PT");
        assertThat(firstAu.postJson("/xapi/statements", Cmi5Client.statement(first, "completed", null).toString())
                .statusCode()).as("no statements after abandoned").isEqualTo(401);
    }

    @Test
    void sessionsIdleBeyondTheTimeoutAreAbandoned() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        Cmi5Client.Launch launch = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        XapiHttp au = cmi5.au(launch);
        assertThat(au.postJson("/xapi/statements", Cmi5Client.statement(launch, "initialized", null).toString())
                .statusCode()).isEqualTo(200);
        Instant launched = Instant.now().minus(Duration.ofHours(10));
        mongo.getCollection("cmi5_sessions").updateOne(Filters.eq("_id", launch.sessionId()), Updates.combine(
                Updates.set("launchedAt", Date.from(launched)),
                Updates.set("lastActivityAt", Date.from(launched.plus(Duration.ofMinutes(25))))));

        assertThat(sweeper.abandonIdle()).isGreaterThanOrEqualTo(1);
        assertThat(sweeper.abandonIdle()).as("each session is abandoned once").isZero();

        JsonNode abandoned = only(registration, "https://w3id.org/xapi/adl/verbs/abandoned");
        assertThat(abandoned.at("/result/duration").asString()).as("launch to the last statement").isEqualTo("PT25M");
        assertThat(au.postJson("/xapi/statements", Cmi5Client.statement(launch, "terminated", null).toString())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void waiverRecordsWaivedAndSatisfied() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        HttpResponse<String> waive = cmi5.admin().postJson("/api/cmi5/registrations/" + registration + "/waive",
                "{\"auId\": \"" + Cmi5Client.PRIVACY + "\", \"reason\": \"Equivalent Outside Activity\"}");
        assertThat(waive.statusCode()).as(waive.body()).isEqualTo(201);

        JsonNode waived = only(registration, "https://w3id.org/xapi/adl/verbs/waived");
        assertThat(waived.at("/result/extensions").get("https://w3id.org/xapi/cmi5/result/extensions/reason").asString())
                .isEqualTo("Equivalent Outside Activity");
        assertThat(waived.at("/result/success").asBoolean()).isTrue();
        only(registration, "https://w3id.org/xapi/adl/verbs/satisfied");
        assertThat(cmi5.admin().postJson("/api/cmi5/registrations/" + registration + "/waive",
                "{\"auId\": \"" + Cmi5Client.PRIVACY + "\", \"reason\": \"Administrative\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void adminApiErrorsNameTheField() {
        HttpResponse<String> noCourse = cmi5.admin().postJson("/api/cmi5/registrations",
                "{\"courseId\": \"no-such-course\", \"actor\": " + Cmi5Client.newActor() + "}");
        assertThat(noCourse.statusCode()).isEqualTo(404);
        HttpResponse<String> mboxActor = cmi5.admin().postJson("/api/cmi5/registrations",
                "{\"courseId\": \"module-privacy\", \"actor\": {\"mbox\": \"mailto:a@clinic.example\"}}");
        assertThat(mboxActor.statusCode()).isEqualTo(400);
        assertThat(XapiHttp.json(mboxActor).get("detail").asString()).startsWith("actor:");
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        HttpResponse<String> badAu = cmi5.admin().postJson("/api/cmi5/registrations/" + registration + "/launch",
                "{\"auId\": \"https://example.com/other\"}");
        assertThat(badAu.statusCode()).isEqualTo(400);
        assertThat(XapiHttp.json(badAu).get("detail").asString()).startsWith("auId:").contains(Cmi5Client.PRIVACY);
        assertThat(xapi.get("/api/cmi5/courses").statusCode()).as("xAPI clients cannot use the admin API").isEqualTo(401);
    }

    /** The one statement with this verb in the registration. */
    private JsonNode only(String registration, String verb) {
        JsonNode result = XapiHttp.json(xapi.get("/xapi/statements", params("registration", registration, "verb", verb)));
        List<JsonNode> statements = new ArrayList<>();
        result.get("statements").forEach(statements::add);
        assertThat(statements).as(verb + " in " + registration + ": " + XapiJson.write(result)).hasSize(1);
        return statements.get(0);
    }
}
