package org.hipaatraining.packager.page;

import org.hipaatraining.content.Attestation;
import org.hipaatraining.content.Choice;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.hipaatraining.packager.html.ProcessedLesson;

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
        module.objectives().forEach(o -> objectives.add(o.text()));
        ArrayNode lessons = node.putArray("lessons");
        courseModule.lessons().forEach(lesson -> lessons.add(lesson(lesson)));
        ArrayNode questions = node.putArray("questions");
        module.questions().forEach(question -> questions.add(question(question)));
        node.set("attestation", attestation(module.attestation()));
        return node;
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
        node.put("type", question.type().name().toLowerCase(java.util.Locale.ROOT));
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

    private static ObjectNode attestation(Attestation attestation) {
        if (attestation == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("iri", attestation.iri());
        node.put("policyId", attestation.policyId());
        node.put("policyVersion", attestation.policyVersion());
        node.put("text", attestation.text());
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
        return node;
    }
}
