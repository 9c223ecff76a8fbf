package org.hipaatraining.lrs.forwarding;

import java.util.List;
import java.util.Set;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import tools.jackson.databind.JsonNode;

/**
 * Which statements a target gets; an empty list lets everything through, several lists must all match.
 *
 * @param verbs      verb IRIs, exactly
 * @param activities activity IRIs matched against the object and the context activities; one ending in {@code *} is a
 *                   prefix (a module: {@code https://hipaa-training.org/xapi/activities/module/privacy*})
 * @param sources    xAPI client keys: the credential that stored the statement (its {@code authority})
 */
public record StatementSelection(List<String> verbs, List<String> activities, List<String> sources) {

    public static final StatementSelection EVERYTHING = new StatementSelection(List.of(), List.of(), List.of());

    public StatementSelection {
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        activities = activities == null ? List.of() : List.copyOf(activities);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * Whether the statement goes to the target. A voiding statement goes wherever the statement it voids went (its
     * verb and object say nothing of it), so {@code voided} is that statement, or null when it is not stored here.
     */
    boolean matches(StoredStatement statement, StoredStatement voided) {
        if (statement.voidTarget() != null) {
            return voided == null ? everything() : matchesOwn(voided);
        }
        return matchesOwn(statement);
    }

    boolean everything() {
        return verbs.isEmpty() && activities.isEmpty() && sources.isEmpty();
    }

    private boolean matchesOwn(StoredStatement s) {
        if (!verbs.isEmpty() && !verbs.contains(s.verb())) {
            return false;
        }
        if (!activities.isEmpty() && s.relatedActivities().stream().noneMatch(this::activityMatches)
                && (s.activity() == null || !activityMatches(s.activity()))) {
            return false;
        }
        return sources.isEmpty() || sourceMatches(s.statement().path("authority"));
    }

    private boolean activityMatches(String iri) {
        for (String wanted : activities) {
            if (wanted.endsWith("*") ? iri.startsWith(wanted.substring(0, wanted.length() - 1)) : iri.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The authority is the client's account (its name is the client key), or a group holding it. */
    private boolean sourceMatches(JsonNode authority) {
        Set<String> keys = new java.util.HashSet<>();
        keys.add(authority.path("account").path("name").asString(""));
        authority.path("member").forEach(m -> keys.add(m.path("account").path("name").asString("")));
        return sources.stream().anyMatch(keys::contains);
    }
}
