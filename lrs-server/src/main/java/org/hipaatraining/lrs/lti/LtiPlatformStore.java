package org.hipaatraining.lrs.lti;

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

/** The {@code lti_platforms} collection: the LMSs this tool is registered with, a handful per practice. */
@Repository
class LtiPlatformStore implements DeclaresIndexes {

    static final String PLATFORMS = "lti_platforms";

    private final MongoTemplate mongo;

    LtiPlatformStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // A launch names its platform by issuer and client id: one registration each.
        return List.of(IndexDeclaration.unique(PLATFORMS, new Document("issuer", 1).append("clientId", 1)));
    }

    Optional<LtiPlatform> find(String id) {
        return Optional.ofNullable(mongo.findById(id, LtiPlatform.class));
    }

    Optional<LtiPlatform> find(String issuer, String clientId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("issuer").is(issuer).and("clientId").is(clientId)),
                LtiPlatform.class));
    }

    List<LtiPlatform> byIssuer(String issuer) {
        return mongo.find(Query.query(Criteria.where("issuer").is(issuer)), LtiPlatform.class);
    }

    List<LtiPlatform> all() {
        return mongo.find(new Query().with(Sort.by("issuer", "clientId")), LtiPlatform.class);
    }

    LtiPlatform save(LtiPlatform platform) {
        return mongo.save(platform);
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), LtiPlatform.class).getDeletedCount() > 0;
    }
}
