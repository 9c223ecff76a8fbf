package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;

/**
 * A statement as the LRS stored it, with the facts other features ask of it already extracted: other features read
 * statements through this view (and {@link StoredStatements}), never through the statements collection's layout.
 *
 * @param actorKey          the actor's {@link org.hipaatraining.lrs.xapimodel.AgentKey}, null for an anonymous group
 * @param activity          the object's activity id, null when the object is not an Activity
 * @param relatedActivities the object's activity and every context activity
 * @param registration      the context registration, lower case, or null
 * @param voidTarget        for a voiding statement, the id of the statement it voids
 * @param voided            whether a later statement voided this one
 */
public record StoredStatement(String id, String actorKey, String verb, String activity, List<String> relatedActivities,
                              String registration, String voidTarget, Instant stored, boolean voided, String json,
                              JsonNode parsed) {

    /** The statement itself, parsed once when first asked for. */
    public JsonNode statement() {
        return parsed != null ? parsed : XapiJson.parse(json, "stored statement");
    }

    /** A statement this LRS has just stored, from its parsed form and its stored document. */
    static StoredStatement of(JsonNode statement, Document stored) {
        return from(stored, statement);
    }

    /** A statement read back from the statements collection. */
    static StoredStatement from(Document stored) {
        return from(stored, null);
    }

    private static StoredStatement from(Document d, JsonNode parsed) {
        List<Document> facets = d.getList(StatementFacets.FIELD, Document.class);
        Document own = facets == null || facets.isEmpty() ? new Document() : facets.get(0);
        List<String> related = own.getList("relatedActivities", String.class);
        String actor = own.getString("actor");
        if (actor == null && !own.containsKey("verb")) {
            actor = null; // no facets at all: not a statement document
        } else if (actor == null) {
            // stored before facets named the actor: read it from the statement
            JsonNode statement = parsed != null ? parsed : XapiJson.parse(d.getString("json"), "stored statement");
            actor = org.hipaatraining.lrs.xapimodel.AgentKey.of(statement.path("actor"));
        }
        return new StoredStatement(d.getString("_id"), actor,
                own.getString("verb"), own.getString("activity"), related == null ? List.of() : new ArrayList<>(related),
                own.getString("registration"), d.getString("voidTarget"),
                d.getDate("stored") == null ? null : d.getDate("stored").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("voided")), d.getString("json"), parsed);
    }
}
