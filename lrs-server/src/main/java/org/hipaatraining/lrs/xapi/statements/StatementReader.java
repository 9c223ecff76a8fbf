package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapi.activities.ActivityStore;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StatementQuery.Format;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads statements back: one by id, or a page of a query, in the requested format. */
@Service
public class StatementReader {

    private final StatementStore store;
    private final ActivityStore activities;
    private final MoreTokens moreTokens;

    StatementReader(StatementStore store, ActivityStore activities, MoreTokens moreTokens) {
        this.store = store;
        this.activities = activities;
        this.moreTokens = moreTokens;
    }

    /** A statement ready to send: its JSON, when it was stored, and the attachments it names. */
    record Found(String json, Instant stored, List<String> attachments) {
    }

    /** A page of a query: statements, the {@code more} token (null on the last page), attachments named. */
    record Page(List<Found> statements, String more) {

        Set<String> attachments() {
            Set<String> all = new LinkedHashSet<>();
            statements.forEach(s -> all.addAll(s.attachments()));
            return all;
        }

        Instant lastModified() {
            return statements.stream().map(Found::stored).max(Instant::compareTo).orElse(null);
        }
    }

    /**
     * A statement by id: with {@code voided} false only if it is not voided, with {@code voided} true only if it is.
     * A credential limited to its own statements does not see others'.
     */
    Optional<Found> byId(String id, boolean voided, Format format, List<Locale.LanguageRange> languages, XapiClient client) {
        Document d = store.findById(id.toLowerCase(Locale.ROOT));
        if (d == null || d.getBoolean("voided", false) != voided) {
            return Optional.empty();
        }
        if (!client.readsAllStatements() && !client.authorityKey().equals(d.getString("authority"))) {
            return Optional.empty();
        }
        return Optional.of(found(d, format, languages));
    }

    Page query(StatementQuery query, PageCursor after, List<Locale.LanguageRange> languages, XapiClient client) {
        String mine = client.readsAllStatements() ? null : client.authorityKey();
        List<Document> documents = store.query(query.filter(after, mine), query.sort(), query.limit() + 1);
        boolean hasMore = documents.size() > query.limit();
        if (hasMore) {
            documents = documents.subList(0, query.limit());
        }
        List<Found> statements = new ArrayList<>(documents.size());
        Map<String, ObjectNode> definitions = query.format() == Format.CANONICAL ? canonicalDefinitions(documents) : Map.of();
        for (Document d : documents) {
            statements.add(found(d, query.format(), languages, definitions));
        }
        String more = null;
        if (hasMore) {
            Document last = documents.get(documents.size() - 1);
            more = moreTokens.issue(query, new PageCursor(last.getDate("stored").toInstant(), last.getString("_id")));
        }
        return new Page(statements, more);
    }

    private Found found(Document d, Format format, List<Locale.LanguageRange> languages) {
        Map<String, ObjectNode> definitions = format == Format.CANONICAL ? canonicalDefinitions(List.of(d)) : Map.of();
        return found(d, format, languages, definitions);
    }

    private static Found found(Document d, Format format, List<Locale.LanguageRange> languages,
                               Map<String, ObjectNode> definitions) {
        String json = d.getString("json");
        if (format == Format.IDS) {
            json = XapiJson.write(StatementFormatter.ids(XapiJson.parse(json, "stored statement")));
        } else if (format == Format.CANONICAL) {
            json = XapiJson.write(StatementFormatter.canonical(XapiJson.parse(json, "stored statement"), definitions, languages));
        }
        @SuppressWarnings("unchecked")
        List<String> attachments = d.get("attachments", List.class);
        return new Found(json, d.getDate("stored").toInstant(), attachments == null ? List.of() : attachments);
    }

    private Map<String, ObjectNode> canonicalDefinitions(List<Document> documents) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document d : documents) {
            JsonNode statement = XapiJson.parse(d.getString("json"), "stored statement");
            ids.addAll(StatementFormatter.referencedActivities(statement));
        }
        return activities.definitions(ids);
    }

    Map<String, AttachmentPart> attachments(Set<String> sha2s) {
        return store.findAttachments(sha2s);
    }
}
