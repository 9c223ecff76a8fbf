package org.hipaatraining.lrs.policies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code policy_versions} collection: every version of every policy, keyed {@code {policyId}|{version}}, so a
 * version is stored once (two admins publishing the same version number: the second is refused) and read by equality.
 */
@Repository
class PolicyVersionStore implements DeclaresIndexes {

    static final String VERSIONS = "policy_versions";

    private final MongoTemplate mongo;

    PolicyVersionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // a policy's history, newest first; the current versions of all policies ($in on policyId)
        return List.of(IndexDeclaration.of(VERSIONS, new Document("policyId", 1).append("publishedAt", -1)));
    }

    private MongoCollection<Document> versions() {
        return mongo.getCollection(VERSIONS);
    }

    /** Stores a new version; false when this version of the policy is stored already. */
    boolean insert(PolicyVersion version) {
        try {
            versions().insertOne(document(version));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Stores the version unless it is there already (the catalogue's model text, recorded by every instance). */
    void insertIfAbsent(PolicyVersion version) {
        Document d = document(version);
        Object id = d.remove("_id");
        versions().updateOne(Filters.eq("_id", id), new Document("$setOnInsert", d), new UpdateOptions().upsert(true));
    }

    Optional<PolicyVersion> find(String policyId, String version) {
        return Optional.ofNullable(versions().find(Filters.eq("_id", id(policyId, version))).first()).map(PolicyVersionStore::version);
    }

    /** Every version of these policies, newest first. */
    List<PolicyVersion> history(Collection<String> policyIds) {
        List<PolicyVersion> found = new ArrayList<>();
        versions().find(Filters.in("policyId", policyIds)).sort(Sorts.descending("publishedAt"))
                .forEach(d -> found.add(version(d)));
        return found;
    }

    static String id(String policyId, String version) {
        return policyId + "|" + version;
    }

    private static Document document(PolicyVersion v) {
        Document d = new Document("_id", id(v.policyId(), v.version())).append("policyId", v.policyId())
                .append("version", v.version()).append("title", v.title())
                .append("effectiveDate", v.effectiveDate() == null ? null : v.effectiveDate().toString())
                .append("html", v.html()).append("format", v.format()).append("source", v.source())
                .append("origin", v.origin()).append("publishedAt", Date.from(v.publishedAt()));
        if (v.publishedBy() != null) {
            d.append("publishedBy", v.publishedBy());
        }
        return d;
    }

    private static PolicyVersion version(Document d) {
        String effective = d.getString("effectiveDate");
        return new PolicyVersion(d.getString("policyId"), d.getString("version"), d.getString("title"),
                effective == null ? null : LocalDate.parse(effective), d.getString("html"), d.getString("format"),
                d.getString("source"), d.getString("origin"), d.getString("publishedBy"), d.getDate("publishedAt").toInstant());
    }
}
