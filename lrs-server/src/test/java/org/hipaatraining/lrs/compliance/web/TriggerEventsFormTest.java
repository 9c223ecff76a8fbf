package org.hipaatraining.lrs.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipaatraining.content.MicroLesson;
import org.junit.jupiter.api.Test;

/** The trigger events form's micro-lesson fields, as the page reads them. */
class TriggerEventsFormTest {

    @Test
    void anEmptyLessonPartMeansNoLesson() {
        assertThat(TriggerEventsPage.microLesson(Map.of("lessonTitle", " ", "q0Prompt", ""))).isNull();
        assertThat(TriggerEventsPage.microLesson(Map.of())).isNull();
    }

    @Test
    void emptyQuestionsAreLeftOutAndTheRightAnswerCountsAmongTheFilledChoices() {
        Map<String, String> form = new HashMap<>(Map.of("lessonTitle", "Faxing", "lessonText", "Check the number.",
                "q0Prompt", "Which number?", "q0Choice0", "The caller's", "q0Choice1", "", "q0Choice2", "The chart's",
                "q0Correct", "2", "q0Explanation", "The chart holds the confirmed number."));
        form.put("q1Prompt", "");
        form.put("q2Choice0", " ");

        MicroLesson lesson = TriggerEventsPage.microLesson(form);

        assertThat(lesson.title()).isEqualTo("Faxing");
        assertThat(lesson.questions()).singleElement().satisfies(q -> {
            assertThat(q.choices()).containsExactly("The caller's", "The chart's");
            assertThat(q.correct()).isEqualTo(1);
        });
        assertThat(lesson.problems("microLesson.")).isEmpty();
    }

    @Test
    void aRightAnswerMarkedOnAnEmptyChoiceIsNoRightAnswer() {
        MicroLesson lesson = TriggerEventsPage.microLesson(Map.of("lessonTitle", "T", "lessonText", "x",
                "q0Prompt", "Q?", "q0Choice0", "a", "q0Choice1", "b", "q0Correct", "3", "q0Explanation", "why"));
        assertThat(lesson.problems("microLesson.")).containsExactly(
                "microLesson.questions[0].correct: the position (from 0) of the one right answer among the choices");
    }

    @Test
    void aLessonWithoutQuestionsIsKeptSoItsProblemIsNamed() {
        MicroLesson lesson = TriggerEventsPage.microLesson(Map.of("lessonTitle", "T", "lessonText", "x"));
        assertThat(lesson.problems("microLesson.")).containsExactly("microLesson.questions: one to 3 questions (0 given)");
        assertThat(lesson.questions()).isEqualTo(List.of());
    }
}
