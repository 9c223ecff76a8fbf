package org.hipaatraining.lrs.compliance.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The statement-to-event mapping rules, kept as data so they can be read, documented and tested apart from code. */
public final class MappingRules {

    private static final String RESOURCE = "/compliance/statement-mapping.yaml";

    private final List<MappingRule> rules;

    MappingRules(List<MappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static MappingRules loadDefault() {
        try (InputStream in = MappingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingRules parse(JsonNode root) {
        List<MappingRule> rules = new ArrayList<>();
        for (JsonNode rule : root.path("rules")) {
            String id = rule.path("id").asString();
            List<MappingRule.ObjectKind> objects = new ArrayList<>();
            rule.path("object").forEach(o -> objects.add(enumOf(MappingRule.ObjectKind.class, o.asString(), id, "object")));
            List<String> verbs = new ArrayList<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asString()));
            if (id.isBlank() || verbs.isEmpty() || objects.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": rule '" + id + "' needs an id, verbs and object");
            }
            rules.add(new MappingRule(id, rule.path("description").asString(), Set.copyOf(verbs), objects,
                    enumOf(EventType.class, rule.path("event").asString(), id, "event"),
                    enumOf(MappingRule.Satisfies.class, rule.path("satisfies").asString(), id, "satisfies")));
        }
        return new MappingRules(rules);
    }

    public List<MappingRule> all() {
        return rules;
    }

    /** The first rule for this verb and kind of object. */
    public Optional<MappingRule> match(String verb, MappingRule.ObjectKind object) {
        return rules.stream().filter(r -> r.verbs().contains(verb) && r.object().contains(object)).findFirst();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String rule, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": rule '" + rule + "': " + field + " '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()).stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }
}
