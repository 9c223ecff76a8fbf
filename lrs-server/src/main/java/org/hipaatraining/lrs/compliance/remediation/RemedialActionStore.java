package org.hipaatraining.lrs.compliance.remediation;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code remedial_actions} collection. Records are kept: there is no delete. */
@Repository
public class RemedialActionStore implements DeclaresIndexes {

    static final String ACTIONS = "remedial_actions";

    private final MongoTemplate mongo;

    RemedialActionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(ACTIONS, new Document("personId", 1).append("date", 1)),
                IndexDeclaration.of(ACTIONS, new Document("date", 1)));
    }

    public RemedialAction insert(RemedialAction action) {
        return mongo.insert(action);
    }

    public List<RemedialAction> forPerson(String personId) {
        return mongo.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by("personId", "date")),
                RemedialAction.class);
    }

    public List<RemedialAction> between(LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("date").gte(from).lt(to)).with(Sort.by("date")), RemedialAction.class);
    }
}
