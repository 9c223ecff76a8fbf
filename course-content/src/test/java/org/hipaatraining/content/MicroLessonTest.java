package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.hipaatraining.content.MicroLesson.MicroQuestion;
import org.junit.jupiter.api.Test;

class MicroLessonTest {

    private static final String BASE = "https://hipaa-training.org/xapi";
    private static final LocalDate DAY = LocalDate.of(2027, 5, 3);

    private static MicroQuestion question(String prompt) {
        return new MicroQuestion(prompt, List.of("Check the number against the chart first.", "Send it and call later."), 0,
                "A misdialled fax is a disclosure to a stranger.");
    }

    private static MicroLesson lesson(MicroQuestion... questions) {
        return new MicroLesson("Faxing lab results", "A fax went to the wrong number.\n\nCheck the number twice.", List.of(questions));
    }

    @Test
    void aWellFormedLessonHasNoProblems() {
        assertThat(lesson(question("What first?")).problems("microLesson.")).isEmpty();
    }

    @Test
    void noQuestionsIsRefusedNamingTheField() {
        assertThat(lesson().problems("microLesson.")).containsExactly("microLesson.questions: one to 3 questions (0 given)");
    }

    @Test
    void fourQuestionsAreRefused() {
        assertThat(lesson(question("1"), question("2"), question("3"), question("4")).problems("microLesson."))
                .containsExactly("microLesson.questions: one to 3 questions (4 given)");
    }

    @Test
    void aQuestionWithoutACorrectChoiceIsRefused() {
        MicroQuestion none = new MicroQuestion("What first?", List.of("a", "b"), null, "why");
        MicroQuestion outside = new MicroQuestion("What next?", List.of("a", "b"), 2, "why");
        assertThat(lesson(none, outside).problems("microLesson.")).containsExactly(
                "microLesson.questions[0].correct: the position (from 0) of the one right answer among the choices",
                "microLesson.questions[1].correct: the position (from 0) of the one right answer among the choices");
    }

    @Test
    void oneOrSixChoicesAreRefused() {
        MicroQuestion one = new MicroQuestion("What first?", List.of("a"), 0, "why");
        MicroQuestion six = new MicroQuestion("What next?", List.of("a", "b", "c", "d", "e", "f"), 0, "why");
        assertThat(lesson(one, six).problems("")).containsExactly("questions[0].choices: 2 to 5 answers to choose from (1 given)",
                "questions[1].choices: 2 to 5 answers to choose from (6 given)");
    }

    @Test
    void anEmptyTextAndAnEmptyAnswerAreRefused() {
        MicroLesson blank = new MicroLesson("Title", "  \n ", List.of(new MicroQuestion("Q?", List.of("a", " "), 0, "")));
        assertThat(blank.problems("microLesson.")).containsExactly(
                "microLesson.text: required: the lesson's text, plain paragraphs separated by blank lines",
                "microLesson.questions[0].choices[1]: required: an answer",
                "microLesson.questions[0].explanation: required: why the right answer is right, shown to the learner");
    }

    @Test
    void overLongFieldsAreRefusedWithTheirLength() {
        MicroLesson longOne = new MicroLesson("t".repeat(121), "x".repeat(5001),
                List.of(new MicroQuestion("p".repeat(401), List.of("c".repeat(201), "b"), 1, "e".repeat(1001))));
        assertThat(longOne.problems("")).containsExactly("title: at most 120 characters (121 given)",
                "text: at most 5000 characters (5001 given)", "questions[0].prompt: at most 400 characters (401 given)",
                "questions[0].choices[0]: at most 200 characters (201 given)",
                "questions[0].explanation: at most 1000 characters (1001 given)");
    }

    @Test
    void theSameAnswerTwiceIsRefused() {
        MicroQuestion twice = new MicroQuestion("Q?", List.of("Yes", "Yes "), 0, "why");
        assertThat(lesson(twice).problems("")).containsExactly("questions[0].choices: each answer only once");
    }

    @Test
    void markupInTheTextIsEscapedNotRendered() {
        MicroLesson lesson = new MicroLesson("T", "<script>alert(1)</script> & <b>bold</b>\nsame paragraph\n\n<img src=x onerror=y>",
                List.of(question("Q?")));
        String html = lesson.html();
        assertThat(html).doesNotContain("<script", "<b>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; same paragraph",
                "<p>&lt;img src=x onerror=y&gt;</p>");
        assertThat(LessonHtmlPolicy.problems(html)).isEmpty();
        assertThat(lesson.paragraphs()).hasSize(2);
    }

    @Test
    void theModuleIsAReminderShapedModuleWithEveryQuestionAskedAndOneRightAnswerEach() {
        MicroLesson lesson = new MicroLesson("Faxing lab results", "Para one.\n\nPara two.", List.of(question("First?"),
                new MicroQuestion("Second?", List.of("x", "y", "z"), 2, "z is right")));
        Module module = lesson.module(BASE, "event-abc", "After the privacy incident of 2027-05-03", DAY);

        assertThat(module.id()).isEqualTo("event-abc");
        assertThat(module.iri()).isEqualTo(BASE + "/activities/module/event-abc");
        assertThat(module.kind()).isEqualTo(ModuleKind.REMINDER);
        assertThat(module.version()).isEqualTo("1.0.0");
        assertThat(module.versionOn(DAY.minusDays(1))).isEqualTo("1.0.0");
        assertThat(module.attestation()).isNull();
        assertThat(module.masteryScore()).isEqualTo(0.66);
        assertThat(module.lessons()).singleElement().satisfies(l -> {
            assertThat(l.iri()).isEqualTo(module.iri() + "/lesson/lesson");
            assertThat(l.html()).contains("<p>Para one.</p>", "<p>Para two.</p>");
        });
        assertThat(module.knowledgeCheck().itemsPerObjective()).isEqualTo(2);
        assertThat(module.questions()).extracting(Question::id).containsExactly("q1", "q2");
        assertThat(module.question("q2").orElseThrow().correct()).containsExactly("c");
        assertThat(module.question("q2").orElseThrow().iri()).isEqualTo(module.iri() + "/question/q2");
        // the draw asks every question in every attempt
        assertThat(new KnowledgeCheckDraw("reg-1", 2027, 1, Collections.emptySet(), Collections.emptySet()).items(module))
                .extracting(Question::id).containsExactlyInAnyOrder("q1", "q2");
        assertThat(lesson.module(BASE, "event-abc", "After the privacy incident of 2027-05-03", DAY)).isEqualTo(module);
    }

    @Test
    void aLessonWithProblemsIsNotBuilt() {
        assertThatThrownBy(() -> lesson().module(BASE, "event-x", "d", DAY)).isInstanceOf(ContentException.class)
                .hasMessageContaining("questions: one to 3");
    }

    @Test
    void theCatalogueResolvesAnAuthoredModuleByIdAndIriWithoutListingIt() {
        Catalogue content = Catalogue.loadDefault();
        Module authored = lesson(question("Q?")).module(content.iriBase(), "event-abc", "d", DAY);
        Catalogue catalogue = content.withAuthoredModules(id -> id.equals("event-abc") ? Optional.of(authored) : Optional.empty());

        assertThat(catalogue.module("event-abc")).contains(authored);
        assertThat(catalogue.moduleByIri(authored.iri())).contains(authored);
        assertThat(catalogue.moduleContaining(authored.iri() + "/question/q1")).contains(authored);
        assertThat(catalogue.moduleContaining(authored.iri())).contains(authored);
        assertThat(catalogue.moduleByIri(authored.iri() + "/lesson/lesson")).isEmpty();
        assertThat(catalogue.module("event-other")).isEmpty();
        assertThat(catalogue.modules()).doesNotContain(authored).hasSameSizeAs(content.modules());
        assertThat(catalogue.lists("event-abc")).isFalse();
        assertThat(catalogue.lists("privacy")).isTrue();
        assertThat(catalogue.module("privacy")).isEqualTo(content.module("privacy"));
        assertThat(content.module("event-abc")).isEmpty();
    }
}
