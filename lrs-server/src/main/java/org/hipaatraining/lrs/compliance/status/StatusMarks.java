package org.hipaatraining.lrs.compliance.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which people's kept statuses are out of date ({@code status_marks}): each change to what a person's statuses depend
 * on raises their version (atomically, so changes on several instances are all counted) and marks them dirty. Kept
 * statuses record the version they were computed from and are only ever replaced by a newer one, so two instances
 * recomputing the same person at once cannot leave the older result in place; a person stays dirty until statuses of
 * their latest version are kept.
 */
@Repository
class StatusMarks implements DeclaresIndexes {

    static final String MARKS = "status_marks";

    private final MongoTemplate mongo;
    private final Clock clock;

    StatusMarks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(MARKS, new Document("dirty", 1).append("at", 1)));
    }

    private MongoCollection<Document> marks() {
        return mongo.getCollection(MARKS);
    }

    /** Something these people's statuses depend on has changed. */
    void mark(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<UpdateOneModel<Document>> updates = new ArrayList<>(personIds.size());
        for (String id : personIds) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.inc("version", 1L),
                    Updates.set("dirty", true), Updates.set("at", now)), new UpdateOptions().upsert(true)));
        }
        marks().bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /** The current version of each person's inputs (0 for someone never marked). */
    Map<String, Long> versions(Collection<String> personIds) {
        Map<String, Long> versions = new HashMap<>();
        personIds.forEach(id -> versions.put(id, 0L));
        if (!personIds.isEmpty()) {
            marks().find(Filters.in("_id", personIds)).projection(Projections.include("version"))
                    .forEach(d -> versions.put(d.getString("_id"), d.get("version", Number.class).longValue()));
        }
        return versions;
    }

    /** People still dirty, the longest waiting first. */
    List<String> dirty(int limit) {
        List<String> ids = new ArrayList<>();
        marks().find(Filters.eq("dirty", true)).sort(Sorts.ascending("dirty", "at")).limit(limit)
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** Statuses of these versions are kept: the people are clean unless marked again meanwhile. */
    void clean(Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(versions.size());
        versions.forEach((id, version) -> updates.add(new UpdateOneModel<>(
                new Document("_id", id).append("version", version), Updates.set("dirty", false))));
        marks().bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }
}
