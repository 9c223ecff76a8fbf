package org.hipaatraining.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two LRS processes on one database behave as one LRS: instance A is the test's server, B a second application. */
class MultiInstanceTest extends LrsIntegrationTest {

    private static ConfigurableApplicationContext second;

    private XapiHttp a;
    private XapiHttp b;

    @BeforeAll
    static void startSecondInstance() {
        // Command-line arguments: they outrank application.yml (server.port 8080), builder properties would not.
        second = new SpringApplicationBuilder(LrsApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri("lrs-it"),
                "--lrs.bootstrap.client-key=" + KEY,
                "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--lrs.xapi.consistency-window=0s",
                "--lrs.xapi.max-body-size=2MB");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void clients() {
        a = xapi;
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        b = XapiHttp.basic(URI.create("http://127.0.0.1:" + secondPort), KEY, SECRET);
        assertThat(secondPort).isNotEqualTo(port);
    }

    @Test
    void aStatementPostedToOneIsReadFromTheOther() {
        String mbox = XapiHttp.uniqueMbox();
        String id = json(a.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()))).get(0).asString();

        HttpResponse<String> byId = b.get("/xapi/statements", params("statementId", id));
        JsonNode byAgent = json(b.get("/xapi/statements", params("agent", Statements.agent(mbox))));

        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json(byId).get("id").asString()).isEqualTo(id);
        assertThat(byAgent.get("statements").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aMoreLinkFromOneWorksOnTheOther() {
        String mbox = XapiHttp.uniqueMbox();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(json(a.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()))).get(0).asString());
        }

        List<String> read = new ArrayList<>();
        JsonNode page = json(a.get("/xapi/statements", params("agent", Statements.agent(mbox), "limit", "1",
                "ascending", "true")));
        read.add(page.get("statements").get(0).get("id").asString());
        XapiHttp[] alternate = {b, a};
        for (int i = 0; !page.get("more").asString().isEmpty(); i++) {
            URI more = URI.create(page.get("more").asString());
            HttpResponse<String> next = alternate[i % 2].get(more.getPath() + "?" + more.getRawQuery());
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            page = json(next);
            page.get("statements").forEach(s -> read.add(s.get("id").asString()));
        }

        assertThat(read).isEqualTo(posted);
    }

    @Test
    void aStateEtagFromOneIsHonouredByTheOther() {
        Map<String, String> key = params("activityId", Statements.activityId(), "agent",
                Statements.agent(XapiHttp.uniqueMbox()), "stateId", "resume");
        a.putJson("/xapi/activities/state", "{\"page\":1}", key);
        String etag = a.get("/xapi/activities/state", key).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> onB = b.putJson("/xapi/activities/state", "{\"page\":2}", key, "If-Match", etag);
        HttpResponse<String> staleOnA = a.putJson("/xapi/activities/state", "{\"page\":3}", key, "If-Match", etag);

        assertThat(onB.statusCode()).isEqualTo(204);
        assertThat(staleOnA.statusCode()).isEqualTo(412);
        assertThat(a.get("/xapi/activities/state", key).body()).isEqualTo("{\"page\":2}");
        assertThat(b.get("/xapi/activities/state", key).headers().firstValue("ETag"))
                .isEqualTo(a.get("/xapi/activities/state", key).headers().firstValue("ETag"));
    }

    @Test
    void concurrentConditionalPutsOnBothInstancesLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 10; round++) {
            Map<String, String> key = params("activityId", Statements.activityId(), "agent",
                    Statements.agent(XapiHttp.uniqueMbox()), "stateId", "race");
            a.putJson("/xapi/activities/state", "{\"writer\":\"none\"}", key);
            String etag = a.get("/xapi/activities/state", key).headers().firstValue("ETag").orElseThrow();
            CyclicBarrier start = new CyclicBarrier(2);

            CompletableFuture<HttpResponse<String>> fromA = CompletableFuture.supplyAsync(() -> {
                await(start);
                return a.putJson("/xapi/activities/state", "{\"writer\":\"a\"}", key, "If-Match", etag);
            });
            CompletableFuture<HttpResponse<String>> fromB = CompletableFuture.supplyAsync(() -> {
                await(start);
                return b.putJson("/xapi/activities/state", "{\"writer\":\"b\"}", key, "If-Match", etag);
            });
            int statusA = fromA.get(30, TimeUnit.SECONDS).statusCode();
            int statusB = fromB.get(30, TimeUnit.SECONDS).statusCode();

            assertThat(List.of(statusA, statusB)).as("round " + round).containsExactlyInAnyOrder(204, 412);
            String winner = statusA == 204 ? "a" : "b";
            assertThat(json(b.get("/xapi/activities/state", key)).get("writer").asString()).isEqualTo(winner);
        }
    }

    @Test
    void theOverviewOnOneCountsAChangeMadeOnTheOtherAtOnce() {
        org.hipaatraining.lrs.support.PracticeFixture practice = new org.hipaatraining.lrs.support.PracticeFixture(a);
        XapiHttp adminOnB = XapiHttp.basic(b.base(), "admin", ADMIN_PASSWORD);
        int before = compliant(adminOnB); // B counts, and caches its counts
        assertThat(compliant(adminOnB)).isEqualTo(before);

        var learner = practice.person("Cached Counts " + practice.run, "cached", List.of("it"), 30, "Dr. Cache");
        int afterHire = compliant(adminOnB);
        practice.send(org.hipaatraining.lrs.support.TrainingStatements.passed(learner.mbox(), learner.name(), "security",
                org.hipaatraining.lrs.support.TrainingStatements.daysAgo(1), 0.95));

        assertThat(afterHire).isEqualTo(before);
        assertThat(compliant(adminOnB)).as("B's overview right after A acknowledged the result").isEqualTo(before + 1);
    }

    /** People compliant with the IT role's security requirement, from the overview API. */
    private static int compliant(XapiHttp admin) {
        HttpResponse<String> overview = admin.get("/api/compliance/overview");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        return json(overview).path("it").path("security").path("COMPLIANT").asInt(0);
    }

    @Test
    void aClientRevokedOnOneIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
        var clients = second.getBean(org.hipaatraining.lrs.auth.ClientService.class);
        var issued = clients.create("revoked elsewhere " + UUID.randomUUID(),
                java.util.EnumSet.of(org.hipaatraining.lrs.auth.Scope.ALL));
        XapiHttp onA = a.credentials(issued.key(), issued.secret());
        assertThat(onA.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(200);

        clients.revoke(issued.key());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(7)).pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> onA.get("/xapi/statements", params("limit", "1")).statusCode(), status -> status != 200);
        assertThat(onA.get("/xapi/statements", params("limit", "1")).statusCode()).isEqualTo(401);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
