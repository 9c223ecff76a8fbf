package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.hipaatraining.lrs.xapi.XapiException;
import org.hipaatraining.lrs.xapi.json.XapiJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code more} continuation: the query and the position after the last statement served, in the link itself.
 * No server keeps paging state, so any instance behind a load balancer can serve the next page, and a page boundary
 * never moves when new statements arrive (keyset paging on stored, then id).
 */
record MoreToken(StatementQuery query, PageCursor after) {

    String encode() {
        ObjectNode json = XapiJson.MAPPER.createObjectNode();
        putIfSet(json, "ag", query.agentKey());
        putIfSet(json, "v", query.verb());
        putIfSet(json, "ac", query.activity());
        putIfSet(json, "r", query.registration());
        if (query.relatedAgents()) {
            json.put("ra", true);
        }
        if (query.relatedActivities()) {
            json.put("rc", true);
        }
        if (query.since() != null) {
            json.put("s", query.since().toString());
        }
        if (query.until() != null) {
            json.put("u", query.until().toString());
        }
        json.put("l", query.limit());
        if (query.ascending()) {
            json.put("asc", true);
        }
        json.put("f", query.format().name());
        if (query.attachments()) {
            json.put("att", true);
        }
        json.put("at", after.stored().toString());
        json.put("id", after.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(XapiJson.write(json).getBytes(StandardCharsets.UTF_8));
    }

    static MoreToken decode(String token) {
        try {
            JsonNode json = XapiJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            StatementQuery query = new StatementQuery(text(json, "ag"), json.path("ra").asBoolean(false), text(json, "v"),
                    text(json, "ac"), json.path("rc").asBoolean(false), text(json, "r"), instant(json, "s"),
                    instant(json, "u"), json.path("l").asInt(), json.path("asc").asBoolean(false),
                    StatementQuery.Format.valueOf(json.path("f").asString("EXACT")), json.path("att").asBoolean(false));
            return new MoreToken(query, new PageCursor(Instant.parse(json.path("at").asString()), json.path("id").asString()));
        } catch (IllegalArgumentException | JacksonException | java.time.DateTimeException e) {
            throw XapiException.badRequest("more: not a continuation this LRS issued");
        }
    }

    private static void putIfSet(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String text(JsonNode json, String key) {
        return json.hasNonNull(key) ? json.get(key).asString() : null;
    }

    private static Instant instant(JsonNode json, String key) {
        return json.hasNonNull(key) ? Instant.parse(json.get(key).asString()) : null;
    }
}
