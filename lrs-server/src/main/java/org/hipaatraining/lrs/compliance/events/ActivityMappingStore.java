package org.hipaatraining.lrs.compliance.events;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code activity_mappings} collection: LMS activities counted as catalogue modules. */
@Repository
public class ActivityMappingStore implements DeclaresIndexes {

    static final String MAPPINGS = "activity_mappings";

    private final MongoTemplate mongo;

    ActivityMappingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(MAPPINGS, new Document("moduleId", 1)));
    }

    public Optional<ActivityMapping> find(String activityIri) {
        return Optional.ofNullable(mongo.findById(activityIri, ActivityMapping.class));
    }

    /** Every mapping: an admin maps a handful of LMS activities per module. */
    public List<ActivityMapping> all() {
        return mongo.find(new Query().with(Sort.by("moduleId", "_id")),
                ActivityMapping.class);
    }

    public ActivityMapping save(ActivityMapping mapping) {
        return mongo.save(mapping);
    }

    public boolean delete(String activityIri) {
        return mongo.remove(Query.query(
                Criteria.where("_id").is(activityIri)), ActivityMapping.class)
                .getDeletedCount() > 0;
    }
}
