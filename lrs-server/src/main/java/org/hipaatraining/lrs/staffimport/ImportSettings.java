package org.hipaatraining.lrs.staffimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code staff_import_settings} collection: the job title to role mapping, built up import by import, and the
 * column mapping of the last import (for scheduled imports through the API). Two small documents, read by id.
 */
@Repository
class ImportSettings implements DeclaresIndexes {

    static final String COLLECTION = "staff_import_settings";
    private static final String TITLES = "titles";
    private static final String MAPPING = "mapping";

    private final MongoTemplate mongo;

    ImportSettings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(); // documents read by _id
    }

    /** Job titles as kept, by their key (lower case, single spaces), to role ids. */
    Map<String, Set<String>> titleRoles() {
        Document d = find(TITLES);
        Map<String, Set<String>> titles = new LinkedHashMap<>();
        if (d != null) {
            for (Document t : d.getList("titles", Document.class, List.of())) {
                titles.put(t.getString("key"), new LinkedHashSet<>(t.getList("roles", String.class, List.of())));
            }
        }
        return titles;
    }

    /** Adds or replaces the roles of these titles; titles not named keep theirs. */
    void keepTitleRoles(Map<String, Set<String>> roles) {
        Document d = find(TITLES);
        Map<String, Document> byKey = new LinkedHashMap<>();
        if (d != null) {
            d.getList("titles", Document.class, List.of()).forEach(t -> byKey.put(t.getString("key"), t));
        }
        roles.forEach((title, ids) -> byKey.put(key(title), new Document("key", key(title)).append("title", title.trim())
                .append("roles", new ArrayList<>(ids))));
        save(new Document("_id", TITLES).append("titles", new ArrayList<>(byKey.values())));
    }

    Optional<ImportMapping> lastMapping() {
        Document d = find(MAPPING);
        if (d == null) {
            return Optional.empty();
        }
        Map<Field, String> columns = new EnumMap<>(Field.class);
        Document c = d.get("columns", Document.class);
        if (c != null) {
            for (Field field : Field.values()) {
                if (c.getString(field.name()) != null) {
                    columns.put(field, c.getString(field.name()));
                }
            }
        }
        String order = d.getString("dateOrder");
        return Optional.of(new ImportMapping(columns, order == null ? null : DateOrder.valueOf(order), Map.of()));
    }

    void keepMapping(ImportMapping mapping) {
        Document columns = new Document();
        mapping.columns().forEach((field, header) -> columns.append(field.name(), header));
        save(new Document("_id", MAPPING).append("columns", columns)
                .append("dateOrder", mapping.dateOrder() == null ? null : mapping.dateOrder().name()));
    }

    /** "  Medical  Biller " and "medical biller" are one title. */
    static String key(String title) {
        return title == null ? "" : title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Document find(String id) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }

    private void save(Document d) {
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
    }
}
