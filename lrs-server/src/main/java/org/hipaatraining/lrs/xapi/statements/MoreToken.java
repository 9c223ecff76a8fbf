package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code more} continuation: the query and the position after the last statement served, in the link itself.
 * No server keeps paging state, so any instance behind a load balancer can serve the next page, and a page boundary
 * never moves when new statements arrive (keyset paging on stored, then id). {@link MoreTokens} signs it.
 */
record MoreToken(StatementQuery query, PageCursor after) {

    private static final Set<String> KEYS = Set.of("ag", "v", "ac", "r", "ra", "rc", "s", "u", "l", "asc", "f", "att",
            "at", "id");
    private static final int MAX_TEXT = 2_048;

    private static final Map<String, StatementQuery.Format> FORMATS = Map.of("EXACT", StatementQuery.Format.EXACT,
            "IDS", StatementQuery.Format.IDS, "CANONICAL", StatementQuery.Format.CANONICAL);

    byte[] toJson() {
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
        return XapiJson.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The continuation in {@code json}, if every field is present where required and has the form this LRS writes. */
    static Optional<MoreToken> fromJson(String text, int maxLimit) {
        try {
            JsonNode json = XapiJson.MAPPER.readTree(text);
            if (!json.isObject() || !KEYS.containsAll(json.propertyNames())) {
                return Optional.empty();
            }
            int limit = json.path("l").isInt() ? json.get("l").intValue() : -1;
            String format = text(json, "f");
            String verb = text(json, "v");
            String activity = text(json, "ac");
            String registration = text(json, "r");
            String id = text(json, "id");
            if (limit < 1 || limit > maxLimit || format == null || !FORMATS.containsKey(format) || id == null
                    || !Formats.isUuid(id) || (verb != null && !Formats.isIri(verb))
                    || (activity != null && !Formats.isIri(activity))
                    || (registration != null && !Formats.isUuid(registration))) {
                return Optional.empty();
            }
            StatementQuery query = new StatementQuery(text(json, "ag"), flag(json, "ra"), verb, activity, flag(json, "rc"),
                    registration, instant(json, "s"), instant(json, "u"), limit, flag(json, "asc"), FORMATS.get(format),
                    flag(json, "att"));
            return Optional.of(new MoreToken(query, new PageCursor(required(instant(json, "at")), id)));
        } catch (JacksonException | DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void putIfSet(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /** A string field, or null when absent; anything else (a number, an object, a huge string) is refused. */
    private static String text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isString() || value.stringValue().isEmpty() || value.stringValue().length() > MAX_TEXT) {
            throw new IllegalArgumentException(key);
        }
        return value.stringValue();
    }

    private static boolean flag(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value != null && !value.isBoolean()) {
            throw new IllegalArgumentException(key);
        }
        return value != null && value.booleanValue();
    }

    private static Instant instant(JsonNode json, String key) {
        String value = text(json, key);
        return value == null ? null : Instant.parse(value);
    }

    private static Instant required(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("at");
        }
        return instant;
    }
}
