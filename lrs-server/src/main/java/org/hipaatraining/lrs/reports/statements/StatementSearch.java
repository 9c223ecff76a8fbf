package org.hipaatraining.lrs.reports.statements;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.reports.ReportRequestException;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StatementFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The explorer's and the exports' filters, read from request parameters once, so the page, its next page and both
 * exports apply exactly the same statement filter. Every parameter that cannot be used is a 400 naming it.
 */
@Component
class StatementSearch {

    /** The parameters, in the order a file name and an export header name them. */
    static final List<String> PARAMETERS = List.of("person", "actor", "verb", "module", "activity", "related", "source",
            "registration", "from", "to", "voided");

    /** The verbs offered in the explorer's list, by the short names the parameter also accepts. */
    static final Map<String, String> VERBS = verbs();

    private final RosterService roster;
    private final ClientService clients;
    private final Catalogue catalogue;

    StatementSearch(RosterService roster, ClientService clients, Catalogue catalogue) {
        this.roster = roster;
        this.clients = clients;
        this.catalogue = catalogue;
    }

    /**
     * A resolved search.
     *
     * @param values the parameters as given (blank ones left out), for links and forms that repeat the search
     * @param person the roster person filtered on, or null
     */
    record Search(Map<String, String> values, StatementFilter filter, Person person) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** {@code verb=passed, from=2026-12-01}: what the export names as its filter. */
        public String describe() {
            if (values.isEmpty()) {
                return "all statements not voided";
            }
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + (k.equals("person") && person != null ? person.name() + " (" + v + ")" : v)));
            return String.join(", ", parts);
        }

        /** A short slug of the filter for file names: {@code verb-passed_from-2026-12-01}, or {@code all}. */
        String slug() {
            if (values.isEmpty()) {
                return "all";
            }
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> {
                String value = k.equals("person") && person != null ? person.name()
                        : v.startsWith("http") ? v.substring(v.lastIndexOf('/') + 1) : v;
                parts.add(k + "-" + value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", ""));
            });
            String slug = String.join("_", parts);
            return slug.length() > 100 ? slug.substring(0, 100) : slug;
        }
    }

    Search read(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            List<String> given = params.get(name);
            if (given == null) {
                continue;
            }
            if (given.size() > 1) {
                throw new ReportRequestException(name + ": given more than once");
            }
            String value = given.get(0) == null ? "" : given.get(0).trim();
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        Set<String> agents = new LinkedHashSet<>();
        Person person = null;
        if (values.containsKey("person")) {
            person = roster.find(values.get("person")).orElseThrow(() ->
                    new ReportRequestException("person: no one on the roster has id '" + values.get("person") + "'"));
            agents.addAll(person.identifiers());
        }
        if (values.containsKey("actor")) {
            if (person != null) {
                throw new ReportRequestException("actor: give a person or an actor, not both");
            }
            agents.add(actorKey(values.get("actor")));
        }
        String verb = verb(values.get("verb"));
        String activity = activity(values.get("module"), values.get("activity"));
        boolean related = bool("related", values.get("related"));
        String authority = source(values.get("source"));
        String registration = registration(values.get("registration"));
        LocalDate from = day("from", values.get("from"));
        LocalDate to = day("to", values.get("to"));
        if (from != null && to != null && to.isBefore(from)) {
            throw new ReportRequestException("to: must be on or after from (" + from + ")");
        }
        StatementFilter.Voided voided = voided(values.get("voided"));
        StatementFilter filter = new StatementFilter(agents, false, verb, activity, related, registration, authority,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1), voided);
        return new Search(values, filter, person);
    }

    /** An email or {@code mailto:} address, an LMS account as {@code homePage|name}, or an Agent as JSON. */
    static String actorKey(String actor) {
        JsonNode agent;
        if (actor.startsWith("{")) {
            try {
                agent = XapiJson.parse(actor, "actor");
            } catch (RuntimeException e) {
                throw new ReportRequestException("actor: not a JSON Agent (" + e.getMessage() + ")");
            }
        } else if (actor.contains("|")) {
            int cut = actor.lastIndexOf('|');
            agent = XapiJson.MAPPER.createObjectNode().set("account", XapiJson.MAPPER.createObjectNode()
                    .put("homePage", actor.substring(0, cut)).put("name", actor.substring(cut + 1)));
        } else if (actor.matches("(mailto:)?[^@\\s]+@[^@\\s]+")) {
            agent = XapiJson.MAPPER.createObjectNode().put("mbox", actor.startsWith("mailto:") ? actor : "mailto:" + actor);
        } else {
            throw new ReportRequestException("actor: an email address, an LMS account as homePage|name, or an Agent as "
                    + "JSON, not '" + actor + "'");
        }
        String key = agent.isObject() ? AgentKey.of(agent) : null;
        if (key == null) {
            throw new ReportRequestException("actor: names no mbox, mbox_sha1sum, openid or account");
        }
        return key;
    }

    private static String verb(String verb) {
        if (verb == null) {
            return null;
        }
        if (VERBS.containsKey(verb.toLowerCase(Locale.ROOT))) {
            return VERBS.get(verb.toLowerCase(Locale.ROOT));
        }
        if (!verb.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+")) {
            throw new ReportRequestException("verb: a verb IRI or one of " + String.join(", ", VERBS.keySet())
                    + ", not '" + verb + "'");
        }
        return verb;
    }

    private String activity(String moduleId, String activity) {
        if (moduleId != null && activity != null) {
            throw new ReportRequestException("activity: give a module or an activity IRI, not both");
        }
        if (moduleId != null) {
            return catalogue.module(moduleId).map(Module::iri).orElseThrow(() ->
                    new ReportRequestException("module: no module has id '" + moduleId + "'"));
        }
        if (activity != null && !activity.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+")) {
            throw new ReportRequestException("activity: must be an IRI, not '" + activity + "'");
        }
        return activity;
    }

    private String source(String key) {
        if (key == null) {
            return null;
        }
        return clients.sources().stream().filter(s -> s.key().equals(key)).map(ClientService.Source::authorityKey)
                .findFirst().orElseThrow(() -> new ReportRequestException("source: no xAPI client has key '" + key + "'"));
    }

    private static String registration(String registration) {
        if (registration == null) {
            return null;
        }
        try {
            return UUID.fromString(registration).toString();
        } catch (IllegalArgumentException e) {
            throw new ReportRequestException("registration: must be a UUID, not '" + registration + "'");
        }
    }

    private static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReportRequestException(name + ": a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        throw new ReportRequestException(name + ": true or false, not '" + value + "'");
    }

    private static StatementFilter.Voided voided(String value) {
        if (value == null) {
            return StatementFilter.Voided.EXCLUDED;
        }
        return switch (value) {
            case "exclude" -> StatementFilter.Voided.EXCLUDED;
            case "only" -> StatementFilter.Voided.ONLY;
            case "include" -> StatementFilter.Voided.INCLUDED;
            default -> throw new ReportRequestException("voided: exclude, only or include, not '" + value + "'");
        };
    }

    private static Map<String, String> verbs() {
        Map<String, String> verbs = new LinkedHashMap<>();
        for (String iri : List.of(Vocabulary.VERB_LAUNCHED, Vocabulary.VERB_INITIALIZED, Vocabulary.VERB_EXPERIENCED,
                Vocabulary.VERB_ANSWERED, Vocabulary.VERB_PASSED, Vocabulary.VERB_FAILED, Vocabulary.VERB_COMPLETED,
                Vocabulary.VERB_ACKNOWLEDGED, Vocabulary.VERB_TERMINATED, Vocabulary.VERB_SUSPENDED,
                Vocabulary.VERB_RESUMED, Vocabulary.VERB_SATISFIED, Vocabulary.VERB_ABANDONED, Vocabulary.VERB_WAIVED,
                "http://adlnet.gov/expapi/verbs/voided")) {
            verbs.put(iri.substring(iri.lastIndexOf('/') + 1), iri);
        }
        return verbs;
    }
}
