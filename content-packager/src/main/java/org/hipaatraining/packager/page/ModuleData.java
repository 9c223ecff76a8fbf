package org.hipaatraining.packager.page;

import java.util.Locale;

import org.hipaatraining.content.Attestation;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Objective;
import org.hipaatraining.content.PolicyExcerpt;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.hipaatraining.packager.html.ProcessedLesson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The module data the player reads from {@code <script type="application/json" id="module-data">}, exactly as the
 * packager/player contract spells it. Field names and order are part of that contract: change them only together with
 * player.js. IRIs come from the catalogue, so every format reports the same activity ids.
 */
public final class ModuleData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModuleData() {
    }

    public static ObjectNode toJson(Course course, CourseModule courseModule, PackageFormat format, String packageVersion) {
        ObjectNode data = JSON.createObjectNode();
        data.put("format", format.id());
        data.put("packageVersion", packageVersion);
        data.put("roleId", course.roleId());
        data.put("courseIri", course.courseIri());
        data.set("module", module(courseModule));
        data.set("vocabulary", vocabulary());
        return data;
    }

    /**
     * The JSON as it may appear inside a script element: {@code </} becomes {@code <\/} so lesson HTML such as
     * {@code </p>} or a hostile {@code </script>} cannot end the element early, and {@code <!--} is escaped so it
     * cannot switch the HTML parser into its comment-in-script state. Both are still the same JSON to JSON.parse.
     */
    public static String toScriptText(ObjectNode data) {
        return JSON.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "\\u003C!--");
    }

    private static ObjectNode module(CourseModule courseModule) {
        Module module = courseModule.module();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", module.id());
        node.put("iri", module.iri());
        node.put("version", module.version());
        node.put("title", module.title());
        node.put("description", module.description());
        node.put("estimatedMinutes", module.estimatedMinutes());
        node.put("masteryScore", module.masteryScore());
        ArrayNode objectives = node.putArray("objectives");
        module.objectives().forEach(o -> objectives.add(objective(o, courseModule)));
        ArrayNode lessons = node.putArray("lessons");
        courseModule.lessons().forEach(lesson -> lessons.add(lesson(lesson)));
        node.put("itemsPerObjective", module.knowledgeCheck().itemsPerObjective());
        ArrayNode questions = node.putArray("questions");
        module.questions().forEach(question -> questions.add(question(question)));
        node.set("attestation", attestation(module.attestation(), courseModule.policy()));
        return node;
    }

    /**
     * An objective with where this package teaches it: the lesson id and the title of the section, or a null lesson
     * id when the package does not carry that lesson (a role course with a lesson subset).
     */
    private static ObjectNode objective(Objective objective, CourseModule courseModule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", objective.id());
        node.put("text", objective.text());
        ProcessedLesson lesson = courseModule.lessons().stream()
                .filter(l -> l.lesson().id().equals(objective.lessonId())).findFirst().orElse(null);
        node.put("lessonId", lesson == null ? null : objective.lessonId());
        node.put("section", objective.sectionId());
        node.put("sectionTitle", lesson == null ? null : sectionTitle(lesson.html(), objective.sectionId()));
        return node;
    }

    private static String sectionTitle(String html, String sectionId) {
        Element element = Jsoup.parseBodyFragment(html).getElementById(sectionId);
        if (element == null) {
            return null;
        }
        Element heading = element.normalName().matches("h[2-4]") ? element : element.selectFirst("h2, h3, h4");
        return heading == null ? null : heading.text();
    }

    private static ObjectNode lesson(ProcessedLesson processed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", processed.lesson().id());
        node.put("iri", processed.lesson().iri());
        node.put("title", processed.lesson().title());
        node.put("estimatedMinutes", processed.lesson().estimatedMinutes());
        node.put("html", processed.html());
        return node;
    }

    private static ObjectNode question(Question question) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", question.id());
        node.put("iri", question.iri());
        node.put("type", question.type().name().toLowerCase(Locale.ROOT));
        node.put("objective", question.objective());
        if (question.keepChoiceOrder()) {
            node.put("keepChoiceOrder", true);
        }
        node.put("scenario", question.scenario());
        node.put("prompt", question.prompt());
        ArrayNode choices = node.putArray("choices");
        for (Choice choice : question.choices()) {
            choices.addObject().put("id", choice.id()).put("text", choice.text());
        }
        ArrayNode correct = node.putArray("correct");
        question.correct().forEach(correct::add);
        node.put("explanation", question.explanation());
        node.put("citation", question.citation());
        return node;
    }

    /**
     * The acknowledgement, with the policy text it shows. The version is the shown policy's (a practice's own policy
     * may differ from the catalogue's model); sha256 is what the player also computes from html before it reports it.
     */
    private static ObjectNode attestation(Attestation attestation, PolicyExcerpt shown) {
        if (attestation == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("iri", attestation.iri());
        node.put("policyId", attestation.policyId());
        node.put("policyVersion", shown == null ? attestation.policyVersion() : shown.policy().version());
        ArrayNode sections = node.putArray("sections");
        if (shown != null) {
            shown.sectionIds().forEach(sections::add);
        }
        node.put("text", attestation.text());
        if (shown != null) {
            ObjectNode policy = node.putObject("policy");
            policy.put("title", shown.policy().title());
            policy.put("version", shown.policy().version());
            policy.put("effectiveDate", shown.policy().effectiveDate().toString());
            policy.put("html", shown.html());
            policy.put("sha256", shown.sha256());
        }
        return node;
    }

    private static ObjectNode vocabulary() {
        ObjectNode node = JSON.createObjectNode();
        node.put("moduleVersion", Vocabulary.EXT_MODULE_VERSION);
        node.put("policyId", Vocabulary.EXT_POLICY_ID);
        node.put("policyVersion", Vocabulary.EXT_POLICY_VERSION);
        node.put("role", Vocabulary.EXT_ROLE);
        node.put("packageFormat", Vocabulary.EXT_PACKAGE_FORMAT);
        node.put("acknowledged", Vocabulary.VERB_ACKNOWLEDGED);
        node.put("knowledgeCheckDraw", Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW);
        node.put("choiceOrder", Vocabulary.EXT_CHOICE_ORDER);
        node.put("objectivesMissed", Vocabulary.EXT_OBJECTIVES_MISSED);
        node.put("policySha256", Vocabulary.EXT_POLICY_SHA256);
        node.put("policySections", Vocabulary.EXT_POLICY_SECTIONS);
        return node;
    }
}
