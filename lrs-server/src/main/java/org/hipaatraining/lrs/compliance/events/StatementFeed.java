package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

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
 * Reads stored statements in the order the LRS stored them, page by page, for the catch-up and the rebuild of the
 * compliance records. It reads the statements collection directly (it is derived data's source of truth) and uses
 * the {@code stored, _id} index every statement query uses.
 */
@Component
public class StatementFeed {

    static final String STATEMENTS = "statements";

    private final MongoTemplate mongo;

    StatementFeed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A statement as stored, and whether it has since been voided. */
    public record Stored(JsonNode statement, Instant stored, boolean voided) {
    }

    /**
     * Up to {@code limit} statements stored after the position ({@code after}, {@code afterId}), in stored order.
     * {@code afterId} breaks ties between statements stored in the same millisecond.
     */
    public List<Stored> page(Instant after, String afterId, int limit) {
        Date since = Date.from(after);
        Bson filter = afterId == null ? Filters.gte("stored", since)
                : Filters.or(Filters.gt("stored", since), Filters.and(Filters.eq("stored", since), Filters.gt("_id", afterId)));
        List<Stored> page = new ArrayList<>(limit);
        for (Document doc : mongo.getCollection(STATEMENTS).find(filter)
                .projection(Projections.include("json", "stored", "voided"))
                .sort(Sorts.ascending("stored", "_id")).limit(limit)) {
            page.add(new Stored(XapiJson.parse(doc.getString("json"), "stored statement"), doc.getDate("stored").toInstant(),
                    Boolean.TRUE.equals(doc.getBoolean("voided"))));
        }
        return page;
    }

    /** Every statement about an activity (as object or context), for re-applying them after its mapping changes. */
    public List<Stored> aboutActivity(String activityIri) {
        List<Stored> found = new ArrayList<>();
        for (Document doc : mongo.getCollection(STATEMENTS).find(Filters.eq("facets.activity", activityIri))
                .projection(Projections.include("json", "stored", "voided"))
                .sort(Sorts.descending("stored", "_id"))) {
            found.add(new Stored(XapiJson.parse(doc.getString("json"), "stored statement"), doc.getDate("stored").toInstant(),
                    Boolean.TRUE.equals(doc.getBoolean("voided"))));
        }
        Collections.reverse(found);
        return found;
    }
}
