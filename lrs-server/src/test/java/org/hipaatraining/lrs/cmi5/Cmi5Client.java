package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Drives the cmi5 launcher over HTTP as an admin, an LMS and an AU would, for tests. */
final class Cmi5Client {

    static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    private final XapiHttp admin;
    private final XapiHttp anonymous;

    Cmi5Client(XapiHttp admin) {
        this.admin = admin;
        this.anonymous = admin.anonymous();
    }

    XapiHttp admin() {
        return admin;
    }

    static ObjectNode newActor() {
        ObjectNode actor = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", "Test Learner");
        actor.putObject("account").put("homePage", "https://clinic.example").put("name", "u-" + UUID.randomUUID());
        return actor;
    }

    String register(String courseId, JsonNode actor) {
        HttpResponse<String> response = admin.postJson("/api/cmi5/registrations",
                XapiJson.MAPPER.createObjectNode().put("courseId", courseId).set("actor", actor).toString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return XapiHttp.json(response).get("registration").asString();
    }

    /** A launch: the response JSON and its URL's query parameters. */
    record Launch(JsonNode json, Map<String, String> params) {
        String sessionId() {
            return json.get("sessionId").asString();
        }

        String activityId() {
            return params.get("activityId");
        }

        String registration() {
            return params.get("registration");
        }

        JsonNode actor() {
            return XapiJson.MAPPER.readTree(params.get("actor"));
        }

        String path() {
            return URI.create(json.get("url").asString()).getPath();
        }
    }

    Launch launch(String registration, String auId, String mode) {
        ObjectNode body = XapiJson.MAPPER.createObjectNode().put("auId", auId);
        if (mode != null) {
            body.put("launchMode", mode);
        }
        body.put("returnURL", "https://lms.clinic.example/course/1");
        HttpResponse<String> response = admin.postJson("/api/cmi5/registrations/" + registration + "/launch",
                body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = XapiHttp.json(response);
        return new Launch(json, query(URI.create(json.get("url").asString()).getRawQuery()));
    }

    JsonNode fetch(Launch launch) {
        URI fetch = URI.create(launch.params().get("fetch"));
        HttpResponse<String> response = anonymous.send("POST", fetch.getPath(), Map.of(), new byte[0]);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return XapiHttp.json(response);
    }

    /** An xAPI client holding the AU's auth-token. */
    XapiHttp au(Launch launch) {
        return withToken(fetch(launch).get("auth-token").asString());
    }

    XapiHttp withToken(String token) {
        String[] pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
        return admin.credentials(pair[0], pair[1]);
    }

    /** A cmi5 defined statement about the AU, built from the launch data as @xapi/cmi5 does. */
    static ObjectNode statement(Launch launch, String verb, Double scaled) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString());
        s.set("actor", launch.actor());
        s.putObject("verb").put("id", verb.startsWith("http") ? verb : "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("objectType", "Activity").put("id", launch.activityId());
        ObjectNode context = s.putObject("context").put("registration", launch.registration());
        ObjectNode activities = context.putObject("contextActivities");
        activities.putArray("grouping").addObject().put("id", launch.json().get("auId").asString());
        var category = activities.putArray("category");
        category.addObject().put("id", "https://w3id.org/xapi/cmi5/context/categories/cmi5");
        context.putObject("extensions").put("https://w3id.org/xapi/cmi5/context/extensions/sessionid", launch.sessionId());
        if (verb.equals("passed") || verb.equals("failed") || verb.equals("completed")) {
            category.addObject().put("id", "https://w3id.org/xapi/cmi5/context/categories/moveon");
            ObjectNode result = s.putObject("result").put("duration", "PT5M");
            if (verb.equals("completed")) {
                result.put("completion", true);
            } else {
                result.put("success", verb.equals("passed"));
                if (scaled != null) {
                    result.putObject("score").put("scaled", scaled);
                }
            }
        }
        s.put("timestamp", java.time.Instant.now().toString());
        return s;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
