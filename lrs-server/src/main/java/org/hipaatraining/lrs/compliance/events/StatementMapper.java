package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import tools.jackson.databind.JsonNode;

/**
 * Turns one stored statement into the training event it means, by the {@link MappingRules}: which person (actor),
 * which module (the object is the module, a part of it, or an LMS activity mapped to it), which version, what happened.
 * Pure apart from the mapping lookup, so the same statement always gives the same event: that is what makes
 * {@link RecordsRebuild} reproduce the records exactly.
 */
public final class StatementMapper {

    private static final String ATTESTATION_SUFFIX = "/attestation";
    private static final String CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    private static final String CMI5_SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

    private final Catalogue catalogue;
    private final MappingRules rules;
    private final Function<String, Optional<ActivityMapping>> mappings;

    public StatementMapper(Catalogue catalogue, MappingRules rules, Function<String, Optional<ActivityMapping>> mappings) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.mappings = mappings;
    }

    private record Target(Module module, MappingRule.ObjectKind kind, ActivityMapping mapping) {
    }

    public Optional<TrainingEvent> map(JsonNode statement) {
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asString("Activity");
        String agentKey = AgentKey.of(statement.path("actor"));
        if (!"Activity".equals(objectType) || agentKey == null || AgentKey.isGroup(agentKey)) {
            return Optional.empty();
        }
        String activityIri = object.path("id").asString();
        String verb = statement.path("verb").path("id").asString();
        Optional<Target> target = target(activityIri).or(() -> cmi5Publisher(statement));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<MappingRule> rule = rules.match(verb, target.get().kind());
        return rule.map(r -> event(statement, agentKey, activityIri, target.get(), r));
    }

    /**
     * A cmi5 LMS launches an AU under an activity id it generates (cmi5 8.1.5: never the AU's own id) and puts the AU's
     * id from cmi5.xml, the publisher id, in {@code contextActivities.grouping}. For our packages that is the module
     * IRI, so cmi5 statements about an unknown object are attributed through it.
     */
    private Optional<Target> cmi5Publisher(JsonNode statement) {
        JsonNode context = statement.path("context");
        boolean cmi5 = context.path("extensions").has(CMI5_SESSION_ID);
        for (JsonNode category : context.path("contextActivities").path("category")) {
            cmi5 |= CMI5_CATEGORY.equals(category.path("id").asString());
        }
        if (!cmi5) {
            return Optional.empty();
        }
        for (JsonNode grouping : context.path("contextActivities").path("grouping")) {
            Optional<Module> module = catalogue.moduleByIri(grouping.path("id").asString());
            if (module.isPresent()) {
                return Optional.of(new Target(module.get(), MappingRule.ObjectKind.MODULE, null));
            }
        }
        return Optional.empty();
    }

    private Optional<Target> target(String activityIri) {
        Optional<Module> exact = catalogue.moduleByIri(activityIri);
        if (exact.isPresent()) {
            return Optional.of(new Target(exact.get(), MappingRule.ObjectKind.MODULE, null));
        }
        Optional<Module> containing = catalogue.moduleContaining(activityIri);
        if (containing.isPresent()) {
            boolean attestation = activityIri.equals(containing.get().iri() + ATTESTATION_SUFFIX);
            return Optional.of(new Target(containing.get(),
                    attestation ? MappingRule.ObjectKind.ATTESTATION : MappingRule.ObjectKind.MODULE_PART, null));
        }
        return mappings.apply(activityIri).flatMap(m -> catalogue.module(m.moduleId())
                .map(module -> new Target(module, MappingRule.ObjectKind.MAPPED_ACTIVITY, m)));
    }

    private TrainingEvent event(JsonNode statement, String agentKey, String activityIri, Target target, MappingRule rule) {
        JsonNode extensions = statement.path("context").path("extensions");
        Instant timestamp = Timestamps.parse(statement.path("timestamp").asString());
        String version = text(extensions, Vocabulary.EXT_MODULE_VERSION);
        boolean inferred = version == null;
        if (inferred) {
            // LMS statements (Moodle, other packages) do not say which version: the one in effect that day was taught.
            version = target.module().versionOn(LocalDate.ofInstant(timestamp, ZoneOffset.UTC));
        }
        return new TrainingEvent(statement.path("id").asString(), agentKey, text(statement.path("actor"), "name"),
                target.module().id(), version, inferred, rule.event(), satisfies(rule, target), scaled(statement.path("result")),
                timestamp, Timestamps.parse(statement.path("stored").asString()), source(statement.path("authority")),
                text(statement.path("context"), "registration"), text(extensions, Vocabulary.EXT_POLICY_ID),
                text(extensions, Vocabulary.EXT_POLICY_VERSION), rule.id(), activityIri,
                text(extensions, Vocabulary.EXT_POLICY_SHA256), sections(extensions));
    }

    /** The policy sections an acknowledgement showed, when it reports them with the text's SHA-256. */
    private static List<String> sections(JsonNode extensions) {
        JsonNode sections = extensions.get(Vocabulary.EXT_POLICY_SECTIONS);
        if (sections == null || !sections.isArray() || text(extensions, Vocabulary.EXT_POLICY_SHA256) == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        sections.forEach(s -> {
            if (s.isString()) {
                ids.add(s.asString());
            }
        });
        return ids;
    }

    private static boolean satisfies(MappingRule rule, Target target) {
        return switch (rule.satisfies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case NO_KNOWLEDGE_CHECK -> target.module().questions().isEmpty();
            case MAPPING -> target.mapping() != null && target.mapping().completionCounts();
        };
    }

    /** The scaled score, or raw within min..max when the source reports only raw (SCORM-style LMS statements). */
    static Double scaled(JsonNode result) {
        JsonNode score = result.path("score");
        if (score.path("scaled").isNumber()) {
            return score.get("scaled").asDouble();
        }
        if (score.path("raw").isNumber() && score.path("max").isNumber()) {
            double min = score.path("min").isNumber() ? score.get("min").asDouble() : 0;
            double max = score.get("max").asDouble();
            if (max > min) {
                return (score.get("raw").asDouble() - min) / (max - min);
            }
        }
        return null;
    }

    /** The credential that sent the statement: our clients' authority is an account named by the client key. */
    static String source(JsonNode authority) {
        JsonNode agent = authority.has("member") && authority.get("member").size() > 0 ? authority.get("member").get(0) : authority;
        if (agent.path("account").has("name")) {
            return agent.get("account").get("name").asString();
        }
        if (agent.has("mbox")) {
            return agent.get("mbox").asString();
        }
        return text(agent, "name");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
