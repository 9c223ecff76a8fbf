package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/**
 * What an admin report asks of the stored statements (the statement explorer, the exports): the xAPI query's filters
 * plus the source (the authority a credential writes) and voided statements, which the xAPI API cannot ask for. Every
 * combination is one MongoDB filter served by one of {@link StatementStore}'s declared indexes, like the xAPI query's.
 *
 * @param agents            agent keys ({@link org.hipaatraining.lrs.xapimodel.AgentKey}): any of them as actor or
 *                          object (a roster person has several identities); empty for anyone
 * @param relatedAgents     match the agents anywhere in the statement (authority, instructor, team, ...)
 * @param verb              the verb id, or null
 * @param activity          the object's activity id, or null
 * @param relatedActivities match the activity in context activities and sub-statements too
 * @param registration      the context registration (lower case), or null
 * @param authority         the authority key of the credential that stored them, or null
 * @param since             stored after this instant (exclusive), or null
 * @param until             stored at or before this instant, or null
 * @param voided            which statements: those not voided (what xAPI queries return), only voided ones, or both
 */
public record StatementFilter(Set<String> agents, boolean relatedAgents, String verb, String activity,
                              boolean relatedActivities, String registration, String authority, Instant since,
                              Instant until, Voided voided) {

    public enum Voided { EXCLUDED, ONLY, INCLUDED }

    public StatementFilter {
        agents = agents == null ? Set.of() : Set.copyOf(agents);
        voided = voided == null ? Voided.EXCLUDED : voided;
    }

    /** Every statement not voided. */
    public static StatementFilter everything() {
        return new StatementFilter(Set.of(), false, null, null, false, null, null, null, null, Voided.EXCLUDED);
    }

    /** The MongoDB filter, continuing after {@code after} (newest first) when it is a later page. */
    Document toDocument(StatementPosition after) {
        Document filter = new Document();
        if (voided != Voided.INCLUDED) {
            filter.append("voided", voided == Voided.ONLY);
        }
        Document facet = new Document();
        if (!agents.isEmpty()) {
            String field = relatedAgents ? "relatedAgents" : "agents";
            facet.append(field, agents.size() == 1 ? agents.iterator().next() : new Document("$in", List.copyOf(agents)));
        }
        if (verb != null) {
            facet.append("verb", verb);
        }
        if (activity != null) {
            facet.append(relatedActivities ? "relatedActivities" : "activity", activity);
        }
        if (registration != null) {
            facet.append("registration", registration);
        }
        if (!facet.isEmpty()) {
            filter.append(StatementFacets.FIELD, new Document("$elemMatch", facet));
        }
        if (authority != null) {
            filter.append("authority", authority);
        }
        Document stored = new Document();
        if (since != null) {
            stored.append("$gt", Date.from(since));
        }
        if (until != null) {
            stored.append("$lte", Date.from(until));
        }
        if (!stored.isEmpty()) {
            filter.append("stored", stored);
        }
        if (after != null) {
            filter.append("$or", List.of(
                    new Document("stored", new Document("$lt", Date.from(after.stored()))),
                    new Document("stored", Date.from(after.stored())).append("_id", new Document("$lt", after.id()))));
        }
        return filter;
    }

    /** The indexed fields this filter fixes, for the index-coverage test: each leads a declared index. */
    List<String> leadingFieldCandidates() {
        List<String> fields = new ArrayList<>();
        String prefix = StatementFacets.FIELD + ".";
        if (!agents.isEmpty()) {
            fields.add(prefix + (relatedAgents ? "relatedAgents" : "agents"));
        }
        if (verb != null) {
            fields.add(prefix + "verb");
        }
        if (activity != null) {
            fields.add(prefix + (relatedActivities ? "relatedActivities" : "activity"));
        }
        if (registration != null) {
            fields.add(prefix + "registration");
        }
        if (authority != null) {
            fields.add("authority");
        }
        return fields;
    }
}
