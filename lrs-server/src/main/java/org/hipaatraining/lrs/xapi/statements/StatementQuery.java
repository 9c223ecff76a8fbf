package org.hipaatraining.lrs.xapi.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * A statement list query: the filters of {@code GET /statements}, validated, and how they become one MongoDB filter.
 * It is also what a {@code more} link carries, so the next page re-applies exactly the same filters.
 */
record StatementQuery(String agentKey, boolean relatedAgents, String verb, String activity, boolean relatedActivities,
                      String registration, Instant since, Instant until, int limit, boolean ascending, Format format,
                      boolean attachments) {

    enum Format { EXACT, IDS, CANONICAL }

    static StatementQuery parse(MultiValueMap<String, String> params, XapiVersion version, int maxLimit) {
        String agentKey = null;
        String agentParam = single(params, "agent");
        if (agentParam != null) {
            agentKey = agentKey(agentParam, version);
        }
        String verb = iriParam(params, "verb");
        String activity = iriParam(params, "activity");
        String registration = single(params, "registration");
        if (registration != null) {
            if (!Formats.isUuid(registration)) {
                throw XapiException.badRequest("registration: must be a UUID");
            }
            registration = registration.toLowerCase(Locale.ROOT);
        }
        Instant since = timestampParam(params, "since");
        Instant until = timestampParam(params, "until");
        int limit = maxLimit;
        String limitParam = single(params, "limit");
        if (limitParam != null) {
            try {
                int requested = Integer.parseInt(limitParam);
                if (requested < 0) {
                    throw XapiException.badRequest("limit: must be a non-negative integer");
                }
                limit = requested == 0 ? maxLimit : Math.min(requested, maxLimit);
            } catch (NumberFormatException e) {
                throw XapiException.badRequest("limit: must be a non-negative integer, not '" + limitParam + "'");
            }
        }
        return new StatementQuery(agentKey, bool(params, "related_agents"), verb, activity, bool(params, "related_activities"),
                registration, since, until, limit, bool(params, "ascending"), format(params), bool(params, "attachments"));
    }

    /** Only the response-shaping parameters, for a single-statement GET. */
    static Format format(MultiValueMap<String, String> params) {
        String format = single(params, "format");
        if (format == null) {
            return Format.EXACT;
        }
        return switch (format) {
            case "exact" -> Format.EXACT;
            case "ids" -> Format.IDS;
            case "canonical" -> Format.CANONICAL;
            default -> throw XapiException.badRequest("format: must be one of ids, exact, canonical (not '" + format + "')");
        };
    }

    static boolean bool(MultiValueMap<String, String> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw XapiException.badRequest(name + ": must be true or false, not '" + value + "'");
        };
    }

    static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw XapiException.badRequest(name + ": given more than once");
        }
        return values.get(0);
    }

    private static String agentKey(String json, XapiVersion version) {
        JsonNode agent = XapiJson.parse(json, "agent");
        if (!agent.isObject()) {
            throw XapiException.badRequest("agent: must be an Agent or identified Group as a JSON object");
        }
        new StatementValidator(version).agentOrGroup(agent, "agent");
        String key = AgentKey.of(agent);
        if (key == null) {
            throw XapiException.badRequest("agent: an anonymous Group cannot be used as a filter");
        }
        return key;
    }

    private static String iriParam(MultiValueMap<String, String> params, String name) {
        String value = single(params, name);
        if (value != null && !Formats.isIri(value)) {
            throw XapiException.badRequest(name + ": must be an IRI");
        }
        return value;
    }

    private static Instant timestampParam(MultiValueMap<String, String> params, String name) {
        String value = single(params, name);
        return value == null ? null : Timestamps.param(name, value);
    }

    // ---- MongoDB

    /** The filter for this query, continuing after {@code after} when it is a later page. */
    Document filter(PageCursor after, String mineAuthorityKey) {
        Document filter = new Document("voided", false);
        Document facet = new Document();
        if (agentKey != null) {
            facet.append(relatedAgents ? "relatedAgents" : "agents", agentKey);
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
        if (mineAuthorityKey != null) {
            filter.append("authority", mineAuthorityKey);
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
            String op = ascending ? "$gt" : "$lt";
            filter.append("$or", List.of(
                    new Document("stored", new Document(op, Date.from(after.stored()))),
                    new Document("stored", Date.from(after.stored())).append("_id", new Document(op, after.id()))));
        }
        return filter;
    }

    Document sort() {
        int direction = ascending ? 1 : -1;
        return new Document("stored", direction).append("_id", direction);
    }

    /**
     * The fields an index could lead with to serve this query (each followed by stored and _id for the sort).
     * Used by the index-coverage test; MongoDB's planner picks among them.
     */
    List<String> leadingFieldCandidates(boolean mine) {
        List<String> fields = new ArrayList<>();
        String prefix = StatementFacets.FIELD + ".";
        if (agentKey != null) {
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
        if (mine) {
            fields.add("authority");
        }
        return fields;
    }
}
