package org.hipaatraining.lrs.reports.statements;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns stored statements into readable lines: people by their roster name, modules by title and version, sources by
 * the client's name rather than its key. One roster and one client lookup per page, whatever its length.
 */
@Component
class StatementDescriber {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final RosterService roster;
    private final ClientService clients;
    private final Catalogue catalogue;

    StatementDescriber(RosterService roster, ClientService clients, Catalogue catalogue) {
        this.roster = roster;
        this.clients = clients;
        this.catalogue = catalogue;
    }

    /** Client names by authority key, for one page or one export. */
    Map<String, String> sourceNames() {
        Map<String, String> names = new HashMap<>();
        for (ClientService.Source source : clients.sources()) {
            names.put(source.authorityKey(), source.name() == null || source.name().isBlank() ? source.key() : source.name());
        }
        return names;
    }

    List<StatementLine> describe(List<StoredStatement> statements) {
        Set<String> actors = new HashSet<>();
        statements.forEach(s -> {
            if (s.actorKey() != null) {
                actors.add(s.actorKey());
            }
        });
        Map<String, Person> people = new HashMap<>();
        for (Person person : roster.byIdentities(actors)) {
            person.identifiers().forEach(key -> people.put(key, person));
        }
        Map<String, String> sources = sourceNames();
        List<StatementLine> lines = new ArrayList<>(statements.size());
        for (StoredStatement s : statements) {
            lines.add(describe(s, people.get(s.actorKey()), sources));
        }
        return lines;
    }

    StatementLine describe(StoredStatement stored, Person person, Map<String, String> sources) {
        JsonNode statement = stored.statement();
        String who = person != null ? person.name() : agentName(statement.path("actor"));
        return new StatementLine(stored.id(), who, person == null ? null : person.id(), verb(statement.path("verb")),
                object(statement), result(statement), source(statement.path("authority"), sources),
                instant(statement.path("timestamp"), stored.stored()), stored.stored(), stored.registration(), stored.voided());
    }

    String source(JsonNode authority, Map<String, String> sources) {
        if (!authority.isObject()) {
            return "";
        }
        String key = AgentKey.of(authority);
        if (key != null && sources.containsKey(key)) {
            return sources.get(key);
        }
        return agentName(authority);
    }

    static String agentName(JsonNode agent) {
        if (agent.hasNonNull("name")) {
            return agent.get("name").asString();
        }
        if (agent.hasNonNull("mbox")) {
            return agent.get("mbox").asString().replaceFirst("^mailto:", "");
        }
        if (agent.has("account")) {
            return agent.path("account").path("name").asString();
        }
        if (agent.hasNonNull("openid")) {
            return agent.get("openid").asString();
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return "sha1:" + agent.get("mbox_sha1sum").asString().substring(0, 8);
        }
        return "an anonymous group";
    }

    static String verb(JsonNode verb) {
        JsonNode display = verb.path("display");
        if (display.isObject() && !display.isEmpty()) {
            return (display.has("en-US") ? display.get("en-US") : display.has("en") ? display.get("en")
                    : display.values().iterator().next()).asString();
        }
        String id = verb.path("id").asString();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    String object(JsonNode statement) {
        JsonNode object = statement.path("object");
        String type = object.path("objectType").asString("Activity");
        switch (type) {
            case "Agent", "Group" -> {
                return agentName(object);
            }
            case "StatementRef" -> {
                return "statement " + object.path("id").asString();
            }
            case "SubStatement" -> {
                return "a sub-statement about " + object(object);
            }
            default -> {
            }
        }
        String id = object.path("id").asString();
        Optional<Module> module = catalogue.moduleByIri(id);
        if (module.isPresent()) {
            String version = statement.path("context").path("extensions").path(Vocabulary.EXT_MODULE_VERSION).asString(null);
            return module.get().title() + " " + (version == null ? "" : version).trim();
        }
        JsonNode name = object.path("definition").path("name");
        if (name.isObject() && !name.isEmpty()) {
            return (name.has("en-US") ? name.get("en-US") : name.values().iterator().next()).asString();
        }
        return id;
    }

    static String result(JsonNode statement) {
        JsonNode result = statement.path("result");
        if (result.path("score").has("scaled")) {
            return Math.round(result.path("score").path("scaled").asDouble() * 100) + "%";
        }
        if (result.has("success")) {
            boolean success = result.get("success").asBoolean();
            return Vocabulary.VERB_ANSWERED.equals(statement.path("verb").path("id").asString())
                    ? (success ? "correct" : "not correct") : (success ? "success" : "no success");
        }
        if (result.path("completion").asBoolean(false)) {
            return "complete";
        }
        return "";
    }

    private static Instant instant(JsonNode timestamp, Instant fallback) {
        try {
            return timestamp.isString() ? java.time.OffsetDateTime.parse(timestamp.asString()).toInstant() : fallback;
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }
}
