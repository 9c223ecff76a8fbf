package org.hipaatraining.lrs.xapi.activities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.xapi.json.XapiJson;
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

    private final MongoTemplate mongo;

    ActivityStore(MongoTemplate mongo) {
        this.mongo = mongo;
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

    /** Merges each activity's definition into its canonical one; writes only those that changed. */
    public void merge(Map<String, ? extends JsonNode> incoming) {
        if (incoming.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> current = definitions(incoming.keySet());
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, ? extends JsonNode> entry : incoming.entrySet()) {
            ObjectNode existing = current.get(entry.getKey());
            ObjectNode merged = existing == null ? XapiJson.MAPPER.createObjectNode() : existing.deepCopy();
            mergeInto(merged, entry.getValue());
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
