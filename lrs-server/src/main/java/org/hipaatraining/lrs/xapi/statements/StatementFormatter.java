package org.hipaatraining.lrs.xapi.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code format} parameter: {@code ids} keeps only what identifies agents, groups, verbs and activities;
 * {@code canonical} swaps in the LRS's canonical activity definitions and keeps one language per language map, chosen
 * by {@code Accept-Language}.
 */
final class StatementFormatter {

    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private StatementFormatter() {
    }

    static ObjectNode ids(JsonNode statement) {
        ObjectNode s = (ObjectNode) statement.deepCopy();
        idsInPlace(s);
        return s;
    }

    private static void idsInPlace(ObjectNode s) {
        replace(s, "actor", StatementFormatter::agentIds);
        replace(s, "authority", StatementFormatter::agentIds);
        if (s.has("verb")) {
            s.set("verb", XapiJson.MAPPER.createObjectNode().put("id", s.get("verb").path("id").asString()));
        }
        JsonNode object = s.path("object");
        switch (object.path("objectType").asString("Activity")) {
            case "Activity" -> s.set("object", activityIdOnly(object));
            case "Agent", "Group" -> s.set("object", agentIds(object));
            case "SubStatement" -> idsInPlace((ObjectNode) object);
            default -> {
            }
        }
        if (s.path("context").isObject()) {
            ObjectNode context = (ObjectNode) s.get("context");
            replace(context, "instructor", StatementFormatter::agentIds);
            replace(context, "team", StatementFormatter::agentIds);
            if (context.path("contextActivities").isObject()) {
                ObjectNode lists = (ObjectNode) context.get("contextActivities");
                for (String key : List.copyOf(lists.propertyNames())) {
                    var ids = XapiJson.MAPPER.createArrayNode();
                    lists.get(key).forEach(a -> ids.add(activityIdOnly(a)));
                    lists.set(key, ids);
                }
            }
            for (JsonNode contextAgent : context.path("contextAgents")) {
                replace((ObjectNode) contextAgent, "agent", StatementFormatter::agentIds);
            }
            for (JsonNode contextGroup : context.path("contextGroups")) {
                replace((ObjectNode) contextGroup, "group", StatementFormatter::agentIds);
            }
        }
    }

    private static void replace(ObjectNode parent, String key, java.util.function.UnaryOperator<JsonNode> f) {
        if (parent.has(key)) {
            parent.set(key, f.apply(parent.get(key)));
        }
    }

    private static JsonNode activityIdOnly(JsonNode activity) {
        return XapiJson.MAPPER.createObjectNode().put("id", activity.path("id").asString());
    }

    /** An agent or identified group by its identifier; an anonymous group by its members' identifiers. */
    private static JsonNode agentIds(JsonNode agent) {
        ObjectNode out = XapiJson.MAPPER.createObjectNode();
        if (agent.has("objectType")) {
            out.set("objectType", agent.get("objectType"));
        }
        boolean identified = false;
        for (String ifi : IFIS) {
            if (agent.has(ifi)) {
                out.set(ifi, agent.get(ifi));
                identified = true;
            }
        }
        if (!identified && agent.has("member")) {
            var members = XapiJson.MAPPER.createArrayNode();
            agent.get("member").forEach(m -> members.add(agentIds(m)));
            out.set("member", members);
        }
        return out;
    }

    /** Canonical format: canonical activity definitions, then one language per language map. */
    static ObjectNode canonical(JsonNode statement, Map<String, ObjectNode> definitions, List<Locale.LanguageRange> languages) {
        ObjectNode s = (ObjectNode) statement.deepCopy();
        forEachActivity(s, activity -> {
            ObjectNode definition = definitions.get(activity.path("id").asString());
            if (definition != null) {
                activity.set("definition", definition.deepCopy());
            }
            if (activity.path("definition").isObject()) {
                filterLanguages((ObjectNode) activity.get("definition"), languages);
            }
        });
        filterVerbDisplay(s, languages);
        if ("SubStatement".equals(s.path("object").path("objectType").asString())) {
            filterVerbDisplay((ObjectNode) s.get("object"), languages);
        }
        return s;
    }

    private static void filterVerbDisplay(ObjectNode statement, List<Locale.LanguageRange> languages) {
        if (statement.path("verb").path("display").isObject()) {
            ((ObjectNode) statement.get("verb")).set("display", oneLanguage(statement.get("verb").get("display"), languages));
        }
    }

    static List<String> referencedActivities(JsonNode statement) {
        List<String> ids = new ArrayList<>();
        forEachActivity((ObjectNode) statement, a -> ids.add(a.path("id").asString()));
        return ids;
    }

    private static void forEachActivity(ObjectNode statement, java.util.function.Consumer<ObjectNode> action) {
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asString("Activity");
        if ("Activity".equals(type)) {
            action.accept((ObjectNode) object);
        } else if ("SubStatement".equals(type)) {
            forEachActivity((ObjectNode) object, action);
        }
        for (JsonNode list : statement.path("context").path("contextActivities")) {
            list.forEach(a -> action.accept((ObjectNode) a));
        }
    }

    private static void filterLanguages(ObjectNode definition, List<Locale.LanguageRange> languages) {
        for (String map : List.of("name", "description")) {
            if (definition.path(map).isObject()) {
                definition.set(map, oneLanguage(definition.get(map), languages));
            }
        }
        for (String list : List.of("choices", "scale", "source", "target", "steps")) {
            for (JsonNode component : definition.path(list)) {
                if (component.path("description").isObject()) {
                    ((ObjectNode) component).set("description", oneLanguage(component.get("description"), languages));
                }
            }
        }
    }

    /** The best entry of a language map for the Accept-Language ranges (RFC 4647 lookup), else its first entry. */
    static JsonNode oneLanguage(JsonNode map, List<Locale.LanguageRange> languages) {
        if (map.size() <= 1) {
            return map;
        }
        List<String> tags = new ArrayList<>(map.propertyNames());
        String chosen = languages.isEmpty() ? null : Locale.lookupTag(languages, tags);
        if (chosen == null) {
            chosen = tags.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith("en")).findFirst().orElse(tags.get(0));
        }
        String key = chosen;
        String exactKey = tags.stream().filter(t -> t.equalsIgnoreCase(key)).findFirst().orElse(key);
        return XapiJson.MAPPER.createObjectNode().set(exactKey, map.get(exactKey));
    }
}
