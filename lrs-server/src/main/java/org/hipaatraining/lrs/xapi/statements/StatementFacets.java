package org.hipaatraining.lrs.xapi.statements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import tools.jackson.databind.JsonNode;

/**
 * What a statement is about, flattened into the arrays the statement query filters match on, so that each filter is one
 * equality on one indexed multikey field. A statement whose object is a StatementRef also carries its target's facets
 * (the spec's "filter conditions for StatementRefs"); they are kept as separate entries so a query with several filters
 * matches only when one statement in the chain meets all of them.
 *
 * @param actor             the actor's key (null for an anonymous group): read by other features, not queried
 * @param agents            actor and object agents or identified groups, and members of a group in those places
 * @param relatedAgents     {@code agents} plus authority, instructor, team, 2.0 context agents and groups, and the same inside a SubStatement
 * @param verb              the verb id
 * @param activity          the object's activity id, when the object is an Activity
 * @param relatedActivities {@code activity} plus context activities, and the same inside a SubStatement
 * @param registration      the context registration, lower case
 */
record StatementFacets(String actor, Set<String> agents, Set<String> relatedAgents, String verb, String activity,
                       Set<String> relatedActivities, String registration) {

    static final String FIELD = "facets";

    static StatementFacets of(JsonNode statement) {
        Set<String> agents = new LinkedHashSet<>();
        Set<String> related = new LinkedHashSet<>();
        Set<String> relatedActivities = new LinkedHashSet<>();

        addActor(statement.path("actor"), agents);
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asString("Activity");
        String activity = null;
        switch (objectType) {
            case "Agent", "Group" -> addActor(object, agents);
            case "Activity" -> {
                activity = object.path("id").asString();
                relatedActivities.add(activity);
            }
            case "SubStatement" -> collectRelated(object, related, relatedActivities);
            default -> {
            }
        }
        related.addAll(agents);
        addActor(statement.path("authority"), related);
        collectContext(statement.path("context"), related, relatedActivities);

        String registration = statement.path("context").path("registration").asString(null);
        String actor = statement.path("actor").isObject() ? AgentKey.of(statement.path("actor")) : null;
        return new StatementFacets(actor, agents, related, statement.path("verb").path("id").asString(),
                activity, relatedActivities, registration == null ? null : registration.toLowerCase());
    }

    /** Agents and activities anywhere in a SubStatement count as related to the statement that contains it. */
    private static void collectRelated(JsonNode sub, Set<String> related, Set<String> relatedActivities) {
        addActor(sub.path("actor"), related);
        JsonNode object = sub.path("object");
        String type = object.path("objectType").asString("Activity");
        if ("Agent".equals(type) || "Group".equals(type)) {
            addActor(object, related);
        } else if ("Activity".equals(type)) {
            relatedActivities.add(object.path("id").asString());
        }
        collectContext(sub.path("context"), related, relatedActivities);
    }

    private static void collectContext(JsonNode context, Set<String> related, Set<String> relatedActivities) {
        if (context.isMissingNode()) {
            return;
        }
        addActor(context.path("instructor"), related);
        addActor(context.path("team"), related);
        for (JsonNode contextAgent : context.path("contextAgents")) {
            addActor(contextAgent.path("agent"), related);
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            addActor(contextGroup.path("group"), related);
        }
        for (JsonNode list : context.path("contextActivities")) {
            if (list.isArray()) {
                list.forEach(a -> relatedActivities.add(a.path("id").asString()));
            } else {
                relatedActivities.add(list.path("id").asString());
            }
        }
    }

    /** An agent or identified group by its key; a group also by its members' keys. */
    private static void addActor(JsonNode actor, Set<String> into) {
        if (!actor.isObject()) {
            return;
        }
        String key = AgentKey.of(actor);
        if (key != null) {
            into.add(key);
        }
        for (JsonNode member : actor.path("member")) {
            String memberKey = AgentKey.of(member);
            if (memberKey != null) {
                into.add(memberKey);
            }
        }
    }

    Document toDocument() {
        Document d = new Document("agents", List.copyOf(agents))
                .append("relatedAgents", List.copyOf(relatedAgents))
                .append("verb", verb)
                .append("relatedActivities", List.copyOf(relatedActivities));
        if (actor != null) {
            d.append("actor", actor);
        }
        if (activity != null) {
            d.append("activity", activity);
        }
        if (registration != null) {
            d.append("registration", registration);
        }
        return d;
    }

    /** This statement's facets followed by those of the statement its StatementRef object targets (if stored). */
    static List<Document> chain(StatementFacets own, List<Document> targetChain) {
        List<Document> all = new ArrayList<>(1 + targetChain.size());
        all.add(own.toDocument());
        all.addAll(targetChain);
        return all;
    }
}
