package org.hipaatraining.lrs.xapi.activities;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.system.Caches;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical definition of each activity, merged from the definitions statements carry. Later definitions win
 * property by property, and language maps gain languages rather than lose them. Definitions are kept as JSON text
 * because extension keys are IRIs with '.' in them.
 */
@Repository
public class ActivityStore implements DeclaresIndexes {

    static final String ACTIVITIES = "activities";

    static final Duration REMEMBER = Duration.ofSeconds(60);
    private static final int REMEMBER_AT_MOST = 10_000;

    private final MongoTemplate mongo;
    /** Canonical definitions this instance read or wrote in the last {@link #REMEMBER}. */
    private final Cache<String, ObjectNode> recent;

    ActivityStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.recent = Caches.builder(clock).expireAfterWrite(REMEMBER).maximumSize(REMEMBER_AT_MOST).build();
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // looked up by _id only
    }

    private MongoCollection<Document> activities() {
        return mongo.getCollection(ACTIVITIES);
    }

    /** The canonical definitions of the given activities (those the LRS has one for). */
    public Map<String, ObjectNode> definitions(Collection<String> ids) {
        Map<String, ObjectNode> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        activities().find(Filters.in("_id", ids)).forEach(d ->
                found.put(d.getString("_id"), (ObjectNode) XapiJson.parse(d.getString("definition"), "stored definition")));
        return found;
    }

    /**
     * Up to {@code atMost} activities with a name in their definition, and that name (English first), for admins
     * looking for LMS activities to map. A whole-collection read: activities grow with content, not with statements.
     */
    public Map<String, String> names(int atMost) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Document d : activities().find().limit(atMost)) {
            JsonNode name = XapiJson.parse(d.getString("definition"), "stored definition").path("name");
            String text = name.path("en-US").asString(name.path("en").asString(null));
            if (text == null && name.isObject() && !name.isEmpty()) {
                text = name.iterator().next().asString();
            }
            if (text != null && !text.isBlank()) {
                names.put(d.getString("_id"), text.strip());
            }
        }
        return names;
    }

    /**
     * Merges each activity's definition into its canonical one; writes only those that changed. Content re-sends the
     * same definitions with nearly every statement, so a definition this instance read or wrote in the last
     * {@link #REMEMBER} that the incoming one would not change is not read again: the common case costs no round trip.
     */
    public void merge(Map<String, ? extends JsonNode> incoming) {
        Map<String, JsonNode> unsettled = new LinkedHashMap<>();
        incoming.forEach((id, definition) -> {
            ObjectNode known = recent.getIfPresent(id);
            if (known == null || !unchangedBy(known, definition)) {
                unsettled.put(id, definition);
            }
        });
        if (unsettled.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> current = definitions(unsettled.keySet());
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : unsettled.entrySet()) {
            ObjectNode existing = current.get(entry.getKey());
            ObjectNode merged = existing == null ? XapiJson.MAPPER.createObjectNode() : existing.deepCopy();
            mergeInto(merged, entry.getValue());
            recent.put(entry.getKey(), merged);
            if (!merged.equals(existing)) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", entry.getKey()),
                        new Document("_id", entry.getKey()).append("definition", XapiJson.write(merged)),
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            activities().bulkWrite(writes);
        }
    }

    /** Whether {@link #mergeInto} would leave {@code known} as it is; checked without copying, as for every statement. */
    private static boolean unchangedBy(ObjectNode known, JsonNode definition) {
        for (Map.Entry<String, JsonNode> e : definition.properties()) {
            JsonNode value = e.getValue();
            JsonNode old = known.get(e.getKey());
            boolean languageMap = "name".equals(e.getKey()) || "description".equals(e.getKey());
            if (languageMap && old != null && old.isObject() && value.isObject()) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    if (!entry.getValue().equals(old.get(entry.getKey()))) {
                        return false;
                    }
                }
            } else if (!value.equals(old)) {
                return false;
            }
        }
        return true;
    }

    public static void mergeInto(ObjectNode target, JsonNode definition) {
        definition.properties().forEach(e -> {
            JsonNode value = e.getValue();
            JsonNode old = target.get(e.getKey());
            boolean languageMap = "name".equals(e.getKey()) || "description".equals(e.getKey());
            if (languageMap && old != null && old.isObject() && value.isObject()) {
                ((ObjectNode) old).setAll((ObjectNode) value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }
}
