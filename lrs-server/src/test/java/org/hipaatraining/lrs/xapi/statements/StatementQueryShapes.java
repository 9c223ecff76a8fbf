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

    public static final int REPORT_COMBINATIONS = 1 << 9;

    /**
     * A report (statement explorer, export) filter shape. Bits: agents, several agents (a roster person), related
     * agents, verb, activity, related activities, registration, source, voided (bit 8: only voided; otherwise both).
     */
    public static Shape report(int mask) {
        java.util.Set<String> agents = (mask & 1) == 0 ? java.util.Set.of()
                : (mask & 2) != 0 ? java.util.Set.of("mbox|mailto:a@b.c", "account|https://lms|7") : java.util.Set.of("mbox|mailto:a@b.c");
        StatementFilter filter = new StatementFilter(agents, (mask & 4) != 0,
                (mask & 8) != 0 ? "http://adlnet.gov/expapi/verbs/completed" : null, (mask & 16) != 0 ? "http://a.b/c" : null,
                (mask & 32) != 0, (mask & 64) != 0 ? "00000000-0000-4000-8000-000000000000" : null,
                (mask & 128) != 0 ? "account|https://lrs/xapi/clients|k" : null, null, null,
                (mask & 256) != 0 ? StatementFilter.Voided.ONLY : StatementFilter.Voided.INCLUDED);
        return new Shape(filter.toDocument(null).toJson(), filter.leadingFieldCandidates());
    }
}
