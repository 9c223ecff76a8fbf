package org.hipaatraining.lrs.xapi.statements;

import java.util.List;

/** Every combination of statement filters, as the query code would build it (for the index coverage test). */
public final class StatementQueryShapes {

    public static final int COMBINATIONS = 1 << 7;

    private StatementQueryShapes() {
    }

    /** A query shape and the fields an index could lead with to serve it. */
    public record Shape(String description, List<String> leadingFields) {
    }

    /** Bits: agent, related_agents, verb, activity, related_activities, registration, read-mine. */
    public static Shape of(int mask) {
        boolean agent = (mask & 1) != 0;
        boolean relatedAgents = (mask & 2) != 0;
        boolean verb = (mask & 4) != 0;
        boolean activity = (mask & 8) != 0;
        boolean relatedActivities = (mask & 16) != 0;
        boolean registration = (mask & 32) != 0;
        boolean mine = (mask & 64) != 0;
        StatementQuery query = new StatementQuery(agent ? "mbox|mailto:a@b.c" : null, relatedAgents,
                verb ? "http://adlnet.gov/expapi/verbs/completed" : null, activity ? "http://a.b/c" : null,
                relatedActivities, registration ? "00000000-0000-4000-8000-000000000000" : null, null, null, 10, false,
                StatementQuery.Format.EXACT, false);
        String description = query.filter(null, mine ? "mine" : null).toJson();
        return new Shape(description, query.leadingFieldCandidates(mine));
    }
}
