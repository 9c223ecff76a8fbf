package org.hipaatraining.lrs.auth;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;

/** A client credential as stored: the secret only as a hash. */
record StoredClient(String key, String name, String secretHash, Set<Scope> scopes, JsonNode authority, Instant createdAt,
                    Instant revokedAt) {

    boolean revoked() {
        return revokedAt != null;
    }

    XapiClient toClient() {
        return new XapiClient(key, name, scopes, authority);
    }

    Document toDocument() {
        Document d = new Document("_id", key).append("name", name).append("secretHash", secretHash)
                .append("scopes", scopes.stream().map(Scope::value).toList())
                .append("authority", XapiJson.write(authority))
                .append("createdAt", Date.from(createdAt));
        d.append("revokedAt", revokedAt == null ? null : Date.from(revokedAt));
        return d;
    }

    static StoredClient from(Document d) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Object s : d.getList("scopes", Object.class, List.of())) {
            Scope.fromValue(String.valueOf(s)).ifPresent(scopes::add);
        }
        Date revoked = d.getDate("revokedAt");
        return new StoredClient(d.getString("_id"), d.getString("name"), d.getString("secretHash"), scopes,
                XapiJson.parse(d.getString("authority"), "stored authority"), d.getDate("createdAt").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
