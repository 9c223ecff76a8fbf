package org.hipaatraining.lrs.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentResourceTest extends LrsIntegrationTest {

    private static final String STATE = "/xapi/activities/state";
    private static final String ACTIVITY_PROFILE = "/xapi/activities/profile";
    private static final String AGENT_PROFILE = "/xapi/agents/profile";

    private static Map<String, String> state(String activity, String agent, String stateId, String... more) {
        Map<String, String> params = params(more);
        params.put("activityId", activity);
        params.put("agent", agent);
        if (stateId != null) {
            params.put("stateId", stateId);
        }
        return params;
    }

    private static List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(list).forEach(n -> ids.add(n.asString()));
        return ids;
    }

    private static String sha1(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void stateRoundTripsWithItsContentTypeEtagAndLastModified() throws Exception {
        Map<String, String> key = state(Statements.activityId(), Statements.agent(XapiHttp.uniqueMbox()), "bookmark");
        Instant before = Instant.now().minusSeconds(2);

        HttpResponse<String> put = xapi.send("PUT", STATE, key, "page 7".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");
        HttpResponse<String> get = xapi.get(STATE, key);

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("page 7");
        assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(get.headers().firstValue("ETag")).hasValue("\"" + sha1("page 7") + "\"");
        Instant lastModified = ZonedDateTime.parse(get.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(lastModified).isBetween(before, Instant.now().plusSeconds(2));
    }

    @Test
    void listingStatesHonoursSinceAndRegistration() throws Exception {
        String activity = Statements.activityId();
        String agent = Statements.agent(XapiHttp.uniqueMbox());
        String registration = UUID.randomUUID().toString();
        xapi.putJson(STATE, "{\"a\":1}", state(activity, agent, "early"));
        Instant between = nextMillisecond();
        nextMillisecond();
        xapi.putJson(STATE, "{\"b\":2}", state(activity, agent, "late"));
        xapi.putJson(STATE, "{\"c\":3}", state(activity, agent, "registered", "registration", registration));

        assertThat(ids(xapi.get(STATE, state(activity, agent, null)))).containsExactlyInAnyOrder("early", "late");
        assertThat(ids(xapi.get(STATE, state(activity, agent, null, "since", between.toString())))).containsExactly("late");
        assertThat(ids(xapi.get(STATE, state(activity, agent, null, "registration", registration))))
                .containsExactly("registered");
        assertThat(xapi.get(STATE, state(activity, agent, "registered")).statusCode()).isEqualTo(404);
        assertThat(xapi.get(STATE, state(activity, agent, "late", "since", between.toString())).statusCode())
                .isEqualTo(400);
    }

    @Test
    void deleteWithoutStateIdRemovesAllStatesOfThatAgentAndActivityOnly() {
        String activity = Statements.activityId();
        String agent = Statements.agent(XapiHttp.uniqueMbox());
        String otherAgent = Statements.agent(XapiHttp.uniqueMbox());
        xapi.putJson(STATE, "{\"a\":1}", state(activity, agent, "one"));
        xapi.putJson(STATE, "{\"a\":2}", state(activity, agent, "two"));
        xapi.putJson(STATE, "{\"a\":3}", state(activity, otherAgent, "one"));

        HttpResponse<String> delete = xapi.delete(STATE, state(activity, agent, null));

        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(ids(xapi.get(STATE, state(activity, agent, null)))).isEmpty();
        assertThat(xapi.get(STATE, state(activity, agent, "one")).statusCode()).isEqualTo(404);
        assertThat(xapi.get(STATE, state(activity, otherAgent, "one")).body()).isEqualTo("{\"a\":3}");
    }

    @Test
    void postMergesJsonObjectsOneLevelDeep() {
        Map<String, String> key = state(Statements.activityId(), Statements.agent(XapiHttp.uniqueMbox()), "progress");
        xapi.postJson(STATE, "{\"page\":3,\"answers\":{\"q1\":\"a\"},\"kept\":true}", key);

        HttpResponse<String> merge = xapi.postJson(STATE, "{\"page\":4,\"answers\":{\"q2\":\"b\"}}", key);

        assertThat(merge.statusCode()).isEqualTo(204);
        JsonNode merged = json(xapi.get(STATE, key));
        assertThat(merged.get("page").asInt()).isEqualTo(4);
        assertThat(merged.get("kept").asBoolean()).isTrue();
        assertThat(merged.get("answers").has("q1")).isFalse();
        assertThat(merged.get("answers").get("q2").asString()).isEqualTo("b");
    }

    @Test
    void postCannotMergeIntoOrWithNonJson() {
        Map<String, String> text = state(Statements.activityId(), Statements.agent(XapiHttp.uniqueMbox()), "notes");
        xapi.send("PUT", STATE, text, "free text".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        Map<String, String> object = state(Statements.activityId(), Statements.agent(XapiHttp.uniqueMbox()), "obj");
        xapi.postJson(STATE, "{\"a\":1}", object);

        HttpResponse<String> ontoText = xapi.postJson(STATE, "{\"a\":1}", text);
        HttpResponse<String> withArray = xapi.postJson(STATE, "[1,2]", object);
        HttpResponse<String> withText = xapi.send("POST", STATE, object, "b=2".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");

        assertThat(ontoText.statusCode()).isEqualTo(400);
        assertThat(withArray.statusCode()).isEqualTo(400);
        assertThat(withText.statusCode()).isEqualTo(400);
        assertThat(xapi.get(STATE, text).body()).isEqualTo("free text");
        assertThat(xapi.get(STATE, object).body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void statePutOverwritesIn103ButIsAConflictIn200() {
        Map<String, String> key = state(Statements.activityId(), Statements.agent(XapiHttp.uniqueMbox()), "s");
        xapi.putJson(STATE, "{\"v\":1}", key);

        assertThat(xapi.putJson(STATE, "{\"v\":2}", key).statusCode()).isEqualTo(204);
        HttpResponse<String> blind = xapi.version("2.0.0").putJson(STATE, "{\"v\":3}", key);
        String etag = xapi.get(STATE, key).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> matched = xapi.version("2.0.0").putJson(STATE, "{\"v\":4}", key, "If-Match", etag);

        assertThat(blind.statusCode()).isEqualTo(409);
        assertThat(matched.statusCode()).isEqualTo(204);
        assertThat(json(xapi.get(STATE, key)).get("v").asInt()).isEqualTo(4);
    }

    @Test
    void activityProfilePreconditions() {
        Map<String, String> key = params("activityId", Statements.activityId(), "profileId", "settings");

        HttpResponse<String> unconditionalNew = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":1}", key);
        HttpResponse<String> create = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":1}", key, "If-None-Match", "*");
        String etag = xapi.get(ACTIVITY_PROFILE, key).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> createAgain = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":2}", key, "If-None-Match", "*");
        HttpResponse<String> blind = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":2}", key);
        HttpResponse<String> stale = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":2}", key, "If-Match", "\"" + "0".repeat(40) + "\"");
        HttpResponse<String> replace = xapi.putJson(ACTIVITY_PROFILE, "{\"v\":3}", key, "If-Match", etag);
        HttpResponse<String> staleDelete = xapi.delete(ACTIVITY_PROFILE, key, "If-Match", etag);

        assertThat(unconditionalNew.statusCode()).isEqualTo(400);
        assertThat(create.statusCode()).isEqualTo(204);
        assertThat(createAgain.statusCode()).isEqualTo(412);
        assertThat(blind.statusCode()).isEqualTo(409);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(replace.statusCode()).isEqualTo(204);
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        assertThat(json(xapi.get(ACTIVITY_PROFILE, key)).get("v").asInt()).isEqualTo(3);
        assertThat(xapi.delete(ACTIVITY_PROFILE, key).statusCode()).isEqualTo(204);
        assertThat(xapi.get(ACTIVITY_PROFILE, key).statusCode()).isEqualTo(404);
    }

    @Test
    void activityProfileMergesAndLists() {
        String activity = Statements.activityId();
        Map<String, String> key = params("activityId", activity, "profileId", "merge");
        xapi.postJson(ACTIVITY_PROFILE, "{\"a\":1}", key);
        xapi.postJson(ACTIVITY_PROFILE, "{\"b\":2}", key);
        xapi.version("2.0.0").putJson(ACTIVITY_PROFILE, "{}", params("activityId", activity, "profileId", "other"));

        JsonNode merged = json(xapi.get(ACTIVITY_PROFILE, key));
        assertThat(merged.get("a").asInt()).isEqualTo(1);
        assertThat(merged.get("b").asInt()).isEqualTo(2);
        assertThat(ids(xapi.get(ACTIVITY_PROFILE, params("activityId", activity))))
                .containsExactlyInAnyOrder("merge", "other");
    }

    @Test
    void agentProfileKeepsBinaryContentAndItsType() {
        String mbox = XapiHttp.uniqueMbox();
        Map<String, String> key = params("agent", Statements.agent(mbox), "profileId", "avatar");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

        HttpResponse<String> put = xapi.send("PUT", AGENT_PROFILE, key, png, "Content-Type", "image/png",
                "If-None-Match", "*");
        HttpResponse<byte[]> get = xapi.getBytes(AGENT_PROFILE, key);
        // The same agent, its mbox domain in another case, is the same profile owner.
        HttpResponse<String> sameAgent = xapi.get(AGENT_PROFILE, params("agent",
                Statements.agent(mbox.replace("clinic.example", "CLINIC.example")), "profileId", "avatar"));

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(get.body()).isEqualTo(png);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(sameAgent.statusCode()).isEqualTo(200);
        assertThat(ids(xapi.get(AGENT_PROFILE, params("agent", Statements.agent(mbox))))).containsExactly("avatar");
        assertThat(xapi.version("2.0.0").send("PUT", AGENT_PROFILE, key, png, "Content-Type", "image/png")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void agentProfilePostMergeAndIfMatch() {
        Map<String, String> key = params("agent", Statements.agent(XapiHttp.uniqueMbox()), "profileId", "prefs");
        xapi.postJson(AGENT_PROFILE, "{\"lang\":\"en\"}", key);
        String etag = xapi.get(AGENT_PROFILE, key).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale = xapi.postJson(AGENT_PROFILE, "{\"x\":1}", key, "If-Match", "\"nope\"");
        HttpResponse<String> current = xapi.postJson(AGENT_PROFILE, "{\"tz\":\"UTC\"}", key, "If-Match", etag);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(current.statusCode()).isEqualTo(204);
        JsonNode merged = json(xapi.get(AGENT_PROFILE, key));
        assertThat(merged.get("lang").asString()).isEqualTo("en");
        assertThat(merged.get("tz").asString()).isEqualTo("UTC");
        assertThat(merged.has("x")).isFalse();
    }

    @Test
    void activitiesResourceReturnsTheDefinitionFromStatements() {
        String activity = Statements.activityId();
        xapi.postJson("/xapi/statements", Statements.completed(XapiHttp.uniqueMbox(), activity));

        HttpResponse<String> get = xapi.get("/xapi/activities", params("activityId", activity));
        JsonNode unknown = json(xapi.get("/xapi/activities", params("activityId", Statements.activityId())));

        assertThat(get.statusCode()).isEqualTo(200);
        JsonNode body = json(get);
        assertThat(body.get("objectType").asString()).isEqualTo("Activity");
        assertThat(body.get("id").asString()).isEqualTo(activity);
        assertThat(body.get("definition").get("name").get("en-US").asString()).isEqualTo("HIPAA Privacy Rule essentials");
        assertThat(unknown.has("definition")).isFalse();
        assertThat(xapi.get("/xapi/activities", params("activityId", "not an iri")).statusCode()).isEqualTo(400);
    }

    @Test
    void agentsResourceReturnsAPerson() {
        String mbox = XapiHttp.uniqueMbox();
        HttpResponse<String> get = xapi.get("/xapi/agents", params("agent",
                "{\"objectType\":\"Agent\",\"name\":\"Maria Lopez\",\"mbox\":\"" + mbox + "\"}"));

        assertThat(get.statusCode()).isEqualTo(200);
        JsonNode person = json(get);
        assertThat(person.get("objectType").asString()).isEqualTo("Person");
        assertThat(person.get("mbox").get(0).asString()).isEqualTo(mbox);
        assertThat(person.get("name").get(0).asString()).isEqualTo("Maria Lopez");
        assertThat(xapi.get("/xapi/agents", params("agent", "{\"name\":\"nobody\"}")).statusCode()).isEqualTo(400);
    }

    /** Waits for the clock's next millisecond (the resolution of stored times) and returns it. */
    private static Instant nextMillisecond() {
        long now = System.currentTimeMillis();
        long next;
        while ((next = System.currentTimeMillis()) <= now) {
            Thread.onSpinWait();
        }
        return Instant.ofEpochMilli(next);
    }
}
