package org.hipaatraining.lrs.lti;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code lti_links} collection: each LMS link (resource link) launched so far, with the course it opens and the
 * platform services it was launched with. A link made by deep linking carries its target as custom parameters; one
 * added by hand in the LMS may not, and then launches use the target it was first launched with.
 */
@Repository
class ResourceLinkStore implements DeclaresIndexes {

    static final String LINKS = "lti_links";

    private final MongoTemplate mongo;

    ResourceLinkStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param target          what the link opens
     * @param lineItem        the AGS line item of the link, when the platform offers grades for it
     * @param membershipsUrl  the NRPS members URL of the link's course, when the platform offers it
     */
    @org.springframework.data.mongodb.core.mapping.Document(LINKS)
    record ResourceLink(@Id String id, String platformId, String deploymentId, String resourceLinkId, String title,
                        String contextId, String contextTitle, LaunchTarget target, String lineItem,
                        String membershipsUrl, Instant createdAt, Instant lastLaunchAt) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // the members URLs a platform's launches have shown, to check an import's URL against
        return List.of(IndexDeclaration.of(LINKS, new Document("platformId", 1).append("membershipsUrl", 1)));
    }

    static String id(String platformId, String deploymentId, String resourceLinkId) {
        return platformId + "|" + deploymentId + "|" + resourceLinkId;
    }

    Optional<ResourceLink> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ResourceLink.class));
    }

    void save(ResourceLink link) {
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(link.id())), link,
                FindAndReplaceOptions.options().upsert());
    }

    boolean membershipsUrlSeen(String platformId, String url) {
        return mongo.exists(Query.query(Criteria.where("platformId").is(platformId).and("membershipsUrl").is(url)),
                ResourceLink.class);
    }
}
