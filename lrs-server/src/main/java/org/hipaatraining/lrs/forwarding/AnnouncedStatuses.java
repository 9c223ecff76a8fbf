package org.hipaatraining.lrs.forwarding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code forwarding_announced} collection: per person, what the webhook events have said so far
 * ({@link ComplianceChanges.Announced}), so the next change is told against it, after restarts and on any instance.
 */
@Repository
class AnnouncedStatuses implements DeclaresIndexes {

    static final String ANNOUNCED = "forwarding_announced";

    private final MongoTemplate mongo;

    AnnouncedStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // read by _id only
    }

    private MongoCollection<Document> announced() {
        return mongo.getCollection(ANNOUNCED);
    }

    Map<String, ComplianceChanges.Announced> find(Collection<String> personIds) {
        Map<String, ComplianceChanges.Announced> found = new HashMap<>();
        if (!personIds.isEmpty()) {
            announced().find(Filters.in("_id", personIds)).forEach(d -> found.put(d.getString("_id"), read(d)));
        }
        return found;
    }

    /** Keeps each announcement unless one made from newer statuses is there already. */
    void keep(Collection<ComplianceChanges.Announced> all) {
        if (all.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (ComplianceChanges.Announced a : all) {
            Document notNewer = new Document("_id", a.personId()).append("$or", List.of(
                    new Document("version", new Document("$lt", a.version())),
                    new Document("version", a.version()).append("computedOn", new Document("$lte", a.computedOn()))));
            writes.add(new ReplaceOneModel<>(notNewer, document(a), new ReplaceOptions().upsert(true)));
        }
        try {
            announced().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a duplicate key: a newer announcement is there
                }
            }
        }
    }

    private static Document document(ComplianceChanges.Announced a) {
        // requirement ids are module ids (letters, digits, '-'): safe as field names, but kept as pairs all the same
        List<Document> states = new ArrayList<>();
        a.states().forEach((requirement, state) -> states.add(new Document("requirement", requirement).append("state", state)
                .append("completion", a.completions().get(requirement))));
        return new Document("_id", a.personId()).append("version", a.version()).append("computedOn", a.computedOn())
                .append("states", states).append("overdue", List.copyOf(a.overdue()));
    }

    private static ComplianceChanges.Announced read(Document d) {
        Map<String, String> states = new HashMap<>();
        Map<String, String> completions = new HashMap<>();
        for (Document s : d.getList("states", Document.class)) {
            states.put(s.getString("requirement"), s.getString("state"));
            if (s.getString("completion") != null) {
                completions.put(s.getString("requirement"), s.getString("completion"));
            }
        }
        return new ComplianceChanges.Announced(d.getString("_id"), d.get("version", Number.class).longValue(),
                d.getString("computedOn"), states, completions, new LinkedHashSet<>(d.getList("overdue", String.class)));
    }
}
