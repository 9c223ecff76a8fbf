package org.hipaatraining.lrs.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The {@code admin_users} collection: people who sign in to the admin pages and admin API (not xAPI clients). */
@Repository
class AdminUserStore implements DeclaresIndexes {

    static final String ADMIN_USERS = "admin_users";

    /** @param personId the roster person a supervisor is; null for admins and auditors */
    record AdminUser(String username, String passwordHash, AdminRole role, Instant createdAt, boolean disabled,
                     String personId) {

        AdminUser(String username, String passwordHash, AdminRole role, Instant createdAt, boolean disabled) {
            this(username, passwordHash, role, createdAt, disabled, null);
        }
    }

    private final MongoTemplate mongo;

    AdminUserStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        // by _id (the user name); a supervisor's account by the person it is linked to
        return List.of(IndexDeclaration.of(ADMIN_USERS, new Document("personId", 1)));
    }

    private MongoCollection<Document> users() {
        return mongo.getCollection(ADMIN_USERS);
    }

    Optional<AdminUser> find(String username) {
        return Optional.ofNullable(users().find(Filters.eq("_id", username)).first()).map(AdminUserStore::from);
    }

    List<AdminUser> all() {
        List<AdminUser> all = new ArrayList<>();
        users().find().forEach(d -> all.add(from(d)));
        return all;
    }

    Optional<AdminUser> byPerson(String personId) {
        return Optional.ofNullable(users().find(Filters.eq("personId", personId)).first()).map(AdminUserStore::from);
    }

    long count() {
        return users().countDocuments();
    }

    void save(AdminUser user) {
        users().replaceOne(Filters.eq("_id", user.username()), new Document("_id", user.username())
                        .append("passwordHash", user.passwordHash()).append("role", user.role().name())
                        .append("createdAt", Date.from(user.createdAt())).append("disabled", user.disabled())
                        .append("personId", user.personId()),
                new ReplaceOptions().upsert(true));
    }

    private static AdminUser from(Document d) {
        return new AdminUser(d.getString("_id"), d.getString("passwordHash"), AdminRole.valueOf(d.getString("role")),
                d.getDate("createdAt").toInstant(), d.getBoolean("disabled", false), d.getString("personId"));
    }
}
