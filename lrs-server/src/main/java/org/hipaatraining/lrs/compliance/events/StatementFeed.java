package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hipaatraining.lrs.xapi.json.XapiJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads stored statements for the compliance records: batches by id (for the catch-up) and all of them in the order
 * the LRS stored them, page by page (for the rebuild). It reads the statements collection directly (the source of truth for this derived data), uses
 * the {@code stored, _id} index every statement query uses, and hands over the verb and object id from the stored
 * facets so that the JSON of statements no rule can match is never parsed.
 */
@Component
public class StatementFeed {

    static final String STATEMENTS = "statements";

    private final MongoTemplate mongo;

    StatementFeed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A statement as stored, and whether it has since been voided.
     *
     * @param activity the object's activity id, null when the object is not an Activity
     * @param parsed   the statement when already parsed (statements just stored), else null: see {@link #statement()}
     */
    public record Stored(String id, String verb, String activity, List<String> relatedActivities, boolean voided,
                         Instant stored, String json, JsonNode parsed) {

        /** A statement this instance has just stored. */
        public static Stored of(JsonNode statement) {
            JsonNode object = statement.path("object");
            String activity = object.path("objectType").asString("Activity").equals("Activity") ? object.path("id").asString() : null;
            List<String> related = new ArrayList<>();
            if (activity != null) {
                related.add(activity);
            }
            for (JsonNode list : statement.path("context").path("contextActivities")) {
                for (JsonNode contextActivity : list.isArray() ? list : List.of(list)) {
                    related.add(contextActivity.path("id").asString());
                }
            }
            return new Stored(statement.path("id").asString(), statement.path("verb").path("id").asString(), activity,
                    related, false, null, null, statement);
        }

        public JsonNode statement() {
            return parsed != null ? parsed : XapiJson.parse(json, "stored statement");
        }
    }

    /**
     * Up to {@code limit} statements stored after the position ({@code after}, {@code afterId}), in stored order.
     * {@code afterId} breaks ties between statements stored in the same millisecond.
     */
    public List<Stored> page(Instant after, String afterId, int limit) {
        Date since = Date.from(after);
        Bson filter = afterId == null ? Filters.gte("stored", since)
                : Filters.or(Filters.gt("stored", since), Filters.and(Filters.eq("stored", since), Filters.gt("_id", afterId)));
        return read(mongo.getCollection(STATEMENTS).find(filter).sort(Sorts.ascending("stored", "_id")).limit(limit));
    }

    /** The stored statements among {@code ids}, in stored order. */
    public List<Stored> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Stored> found = read(mongo.getCollection(STATEMENTS).find(Filters.in("_id", ids)));
        found.sort(java.util.Comparator.comparing(Stored::stored).thenComparing(Stored::id));
        return found;
    }

    /** Every statement about an activity (as object or context), for re-applying them after its mapping changes. */
    public List<Stored> aboutActivity(String activityIri) {
        List<Stored> found = read(mongo.getCollection(STATEMENTS).find(Filters.eq("facets.activity", activityIri))
                .sort(Sorts.descending("stored", "_id")));
        Collections.reverse(found);
        return found;
    }

    private static List<Stored> read(FindIterable<Document> documents) {
        List<Stored> page = new ArrayList<>();
        for (Document doc : documents.projection(Projections.include("json", "stored", "voided", "facets"))) {
            List<Document> facets = doc.getList("facets", Document.class);
            Document own = facets == null || facets.isEmpty() ? new Document() : facets.get(0);
            List<String> related = own.getList("relatedActivities", String.class);
            page.add(new Stored(doc.getString("_id"), own.getString("verb"), own.getString("activity"),
                    related == null ? List.of() : related, Boolean.TRUE.equals(doc.getBoolean("voided")), doc.getDate("stored").toInstant(), doc.getString("json"), null));
        }
        return page;
    }
}
