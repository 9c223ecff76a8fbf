package org.hipaatraining.lrs.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code clients} collection: one document per xAPI credential, keyed by its client key. Secrets are stored only
 * as password hashes; revoked clients are kept (with {@code revokedAt}) because statements name them as authority.
 */
@Repository
class ClientStore implements DeclaresIndexes {

    static final String CLIENTS = "clients";

    private final MongoTemplate mongo;

    ClientStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // looked up by _id (the key); listing reads the whole, small collection
    }

    private MongoCollection<Document> clients() {
        return mongo.getCollection(CLIENTS);
    }

    Optional<StoredClient> find(String key) {
        return Optional.ofNullable(clients().find(Filters.eq("_id", key)).first()).map(StoredClient::from);
    }

    List<StoredClient> all() {
        List<StoredClient> all = new ArrayList<>();
        clients().find().sort(Sorts.ascending("createdAt")).forEach(d -> all.add(StoredClient.from(d)));
        return all;
    }

    void save(StoredClient client) {
        clients().replaceOne(Filters.eq("_id", client.key()), client.toDocument(), new ReplaceOptions().upsert(true));
    }

    boolean revoke(String key, Instant when) {
        return clients().updateOne(new Document("_id", key).append("revokedAt", null),
                Updates.set("revokedAt", Date.from(when))).getModifiedCount() > 0;
    }
}
