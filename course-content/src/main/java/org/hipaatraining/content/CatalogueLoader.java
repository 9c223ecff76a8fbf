package org.hipaatraining.content;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the content folder into a {@link Catalogue}. Every problem is reported with the file and the field, e.g.
 * {@code modules/privacy/module.yaml: lessons[2].file: required}, so a content author can fix it without reading code.
 */
final class CatalogueLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^>]*\\bsrc\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final ContentSource source;

    CatalogueLoader(ContentSource source) {
        this.source = source;
    }

    Catalogue load() {
        Node catalogue = yaml("catalogue.yaml");
        String iriBase = stripSlash(catalogue.text("iriBase"));
        Policies policies = policies();
        List<Module> modules = new ArrayList<>();
        for (Node moduleId : catalogue.list("modules")) {
            modules.add(module(iriBase, moduleId.text(), policies));
        }
        List<Topic> topics = yaml("topics.yaml").list("topics").stream()
                .map(t -> new Topic(t.text("id"), t.text("title"), t.text("citation"))).toList();
        List<Role> roles = yaml("roles.yaml").list("roles").stream().map(this::role).toList();
        return new Catalogue(iriBase, modules, roles, topics, policies, source);
    }

    /** policies.yaml is optional: content without model policies keeps the version its attestations state. */
    private Policies policies() {
        if (!source.exists("policies.yaml")) {
            return new Policies(List.of());
        }
        List<Policy> policies = new ArrayList<>();
        for (Node p : yaml("policies.yaml").list("policies")) {
            String file = p.text("file");
            String html = new String(source.read(file), StandardCharsets.UTF_8);
            List<String> problems = PolicyHtml.problems(html);
            if (!problems.isEmpty()) {
                throw new ContentException(file + ": " + String.join("; ", problems));
            }
            policies.add(new Policy(p.text("id"), p.text("title"), p.text("version"), p.date("effectiveDate"), html));
        }
        return new Policies(policies);
    }

    private Module module(String iriBase, String id, Policies policies) {
        String folder = "modules/" + id + "/";
        Node m = yaml(folder + "module.yaml");
        if (!id.equals(m.text("id"))) {
            throw m.problem("id", "is '" + m.text("id") + "' but the folder and catalogue.yaml say '" + id + "'");
        }
        String iri = iriBase + "/activities/module/" + id;
        ModuleKind kind = m.enumValue("kind", ModuleKind.class);
        String version = m.text("version");
        if (!SEMVER.matcher(version).matches()) {
            throw m.problem("version", "'" + version + "' is not a semantic version such as 1.2.0");
        }
        double mastery = m.number("masteryScore");
        if (mastery <= 0 || mastery > 1) {
            throw m.problem("masteryScore", "must be a scaled score above 0 and at most 1, such as 0.8");
        }
        List<Lesson> lessons = new ArrayList<>();
        Set<String> assets = new LinkedHashSet<>();
        for (Node l : m.list("lessons")) {
            String file = l.text("file");
            String html = new String(source.read(folder + file), StandardCharsets.UTF_8);
            Matcher img = IMG_SRC.matcher(html);
            while (img.find()) {
                assets.add(img.group(1));
            }
            lessons.add(new Lesson(l.text("id"), iri + "/lesson/" + l.text("id"), l.text("title"),
                    l.integer("estimatedMinutes"), l.texts("topics"), l.optionalTexts("citations"),
                    l.optionalTexts("roles"), file, html));
        }
        List<Objective> objectives = m.list("objectives").stream().map(o -> objective(o, lessons)).toList();
        KnowledgeCheck check = knowledgeCheck(m, yaml(folder + "questions.yaml"), iri, objectives);
        Attestation attestation = m.has("attestation") ? attestation(m.child("attestation"), iri, policies) : null;
        ReinforcementKit reinforcement = source.exists(folder + "talking-points.yaml")
                ? reinforcement(yaml(folder + "talking-points.yaml")) : null;
        List<ChangeLogEntry> changelog = m.list("changelog").stream().map(c -> new ChangeLogEntry(c.text("version"),
                c.date("date"), c.bool("material"), c.text("summary"))).toList();
        return new Module(id, iri, kind, m.text("title"), m.text("description"), version, m.date("effectiveDate"),
                m.integer("estimatedMinutes"), mastery, objectives, m.optionalTexts("citations"), lessons,
                check, attestation, reinforcement, changelog, List.copyOf(assets));
    }

    private static Objective objective(Node o, List<Lesson> lessons) {
        String lessonId = o.text("lesson");
        String section = o.text("section");
        Lesson lesson = lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst()
                .orElseThrow(() -> o.problem("lesson", "'" + lessonId + "' is not a lesson of this module"));
        if (!Pattern.compile("<(h[2-4]|section)\\b[^>]*\\bid=\"" + Pattern.quote(section) + "\"").matcher(lesson.html()).find()) {
            throw o.problem("section", "'" + section + "' is not the id of an <h2>-<h4> or <section> in " + lesson.file());
        }
        return new Objective(o.text("id"), o.text("text"), lessonId, section);
    }

    private static KnowledgeCheck knowledgeCheck(Node m, Node qs, String moduleIri, List<Objective> objectives) {
        List<Question> items = qs.list("questions").stream().map(q -> question(moduleIri, q, objectives)).toList();
        if (items.isEmpty()) {
            return KnowledgeCheck.NONE;
        }
        int perObjective = m.child("knowledgeCheck").integer("itemsPerObjective");
        if (perObjective < 1) {
            throw m.problem("knowledgeCheck.itemsPerObjective", "must be at least 1");
        }
        // Bank sizes per objective are content rules (QuestionRulesTest): a draw takes what a bank has.
        return new KnowledgeCheck(perObjective, items);
    }

    private static Question question(String moduleIri, Node q, List<Objective> objectives) {
        List<Choice> choices = q.list("choices").stream().map(c -> new Choice(c.text("id"), c.text("text"))).toList();
        String objective = q.text("objective");
        if (objectives.stream().noneMatch(o -> o.id().equals(objective))) {
            throw q.problem("objective", "'" + objective + "' is not an objective id in module.yaml");
        }
        return new Question(q.text("id"), moduleIri + "/question/" + q.text("id"), q.enumValue("type", QuestionType.class),
                q.optionalText("scenario"), q.text("prompt"), choices, q.texts("correct"), q.text("explanation"),
                q.text("citation"), q.optionalTexts("topics"), objective,
                q.has("keepChoiceOrder") && q.bool("keepChoiceOrder"));
    }

    /** The policy version comes from policies.yaml when the catalogue has the policy; its sections must exist there. */
    private static Attestation attestation(Node a, String moduleIri, Policies policies) {
        String policyId = a.text("policyId");
        List<String> sections = a.optionalTexts("sections");
        String version;
        var policy = policies.get(policyId);
        if (policy.isPresent()) {
            version = policy.get().version();
            for (String section : sections) {
                if (!policy.get().sectionIds().contains(section)) {
                    throw a.problem("sections", "'" + section + "' is not a section of policy " + policyId);
                }
            }
            if (a.has("policyVersion") && !a.text("policyVersion").equals(version)) {
                throw a.problem("policyVersion", "'" + a.text("policyVersion") + "' but policies.yaml has " + policyId
                        + " at " + version + "; leave it out (the policy's version is used)");
            }
        } else if (!policies.all().isEmpty()) {
            throw a.problem("policyId", "'" + policyId + "' is not in policies.yaml");
        } else {
            version = a.text("policyVersion");
        }
        return new Attestation(moduleIri + "/attestation", policyId, version, sections, a.text("text"));
    }

    private static ReinforcementKit reinforcement(Node t) {
        Node huddle = t.child("huddle");
        return new ReinforcementKit(t.texts("talkingPoints"),
                new ReinforcementKit.Huddle(huddle.text("title"), huddle.text("scenario"), huddle.texts("discussion")),
                t.list("followUpQuestions").stream()
                        .map(f -> new ReinforcementKit.FollowUpQuestion(f.text("question"), f.text("listenFor"))).toList());
    }

    private Role role(Node r) {
        List<RoleModule> modules = r.list("modules").stream()
                .map(m -> new RoleModule(m.text("module"), m.optionalTexts("lessons"))).toList();
        return new Role(r.text("id"), r.text("title"), r.text("description"), modules, r.integer("onboardingDays"),
                r.integer("refresherMonths"), r.optionalTexts("reminders"),
                r.has("reminderIntervalMonths") ? r.integer("reminderIntervalMonths") : 0);
    }

    private Node yaml(String path) {
        try {
            JsonNode root = YAML.readTree(source.read(path));
            if (root == null || !root.isObject()) {
                throw new ContentException(source.describe(path) + ": expected a YAML mapping at the top level");
            }
            return new Node(path, "", root);
        } catch (JacksonException e) {
            throw new ContentException(source.describe(path) + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A YAML node that knows where it is, for error messages. */
    private record Node(String file, String path, JsonNode json) {

        ContentException problem(String field, String what) {
            return new ContentException(file + ": " + where(field) + ": " + what);
        }

        private String where(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        boolean has(String field) {
            return json.hasNonNull(field);
        }

        Node child(String field) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                throw problem(field, "required");
            }
            return new Node(file, where(field), value);
        }

        String text() {
            if (!json.isValueNode() || json.asString().isBlank()) {
                throw new ContentException(file + ": " + path + ": must be a non-empty text value");
            }
            return json.asString().trim();
        }

        String text(String field) {
            return child(field).text();
        }

        String optionalText(String field) {
            return has(field) ? text(field) : null;
        }

        int integer(String field) {
            JsonNode value = child(field).json();
            if (!value.canConvertToInt() || value.asInt() < 0) {
                throw problem(field, "must be a whole number");
            }
            return value.asInt();
        }

        double number(String field) {
            JsonNode value = child(field).json();
            if (!value.isNumber()) {
                throw problem(field, "must be a number");
            }
            return value.asDouble();
        }

        boolean bool(String field) {
            JsonNode value = child(field).json();
            if (!value.isBoolean()) {
                throw problem(field, "must be true or false");
            }
            return value.asBoolean();
        }

        LocalDate date(String field) {
            String value = text(field);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw problem(field, "'" + value + "' is not a date such as 2026-11-01");
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String value = text(field);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants()).stream()
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            }
        }

        List<Node> list(String field) {
            JsonNode value = child(field).json();
            if (!value.isArray()) {
                throw problem(field, "must be a list");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(new Node(file, where(field) + "[" + i + "]", value.get(i)));
            }
            return items;
        }

        List<String> texts(String field) {
            return list(field).stream().map((Function<Node, String>) Node::text).toList();
        }

        List<String> optionalTexts(String field) {
            return has(field) ? texts(field) : List.of();
        }
    }
}
