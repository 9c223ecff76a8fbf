package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every knowledge-check question can be answered, explains itself and cites the rule. */
class QuestionRulesTest {

    private static final Pattern CITATION = Pattern.compile("45 CFR 16[0-4]\\.\\d+.*");

    @Test
    void everyQuestionHasACorrectAnswerAmongItsChoices() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            for (Question q : module.questions()) {
                Set<String> choiceIds = new HashSet<>();
                q.choices().forEach(c -> choiceIds.add(c.id()));
                if (q.correct().isEmpty() || !choiceIds.containsAll(q.correct())) {
                    problems.add(module.id() + "/" + q.id() + ": correct " + q.correct() + " not among " + choiceIds);
                }
                if (q.type() == QuestionType.SINGLE && q.correct().size() != 1) {
                    problems.add(module.id() + "/" + q.id() + ": a single-choice question needs exactly one correct answer");
                }
                if (choiceIds.size() != q.choices().size() || q.choices().size() < 2) {
                    problems.add(module.id() + "/" + q.id() + ": needs at least two choices with distinct ids");
                }
                if (q.correct().size() == q.choices().size()) {
                    problems.add(module.id() + "/" + q.id() + ": every choice is correct; that tests nothing");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyQuestionExplainsAndCites() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            for (Question q : module.questions()) {
                if (q.explanation().length() < 80) {
                    problems.add(module.id() + "/" + q.id() + ": explanation too short to say why");
                }
                if (!CITATION.matcher(q.citation()).matches()) {
                    problems.add(module.id() + "/" + q.id() + ": citation '" + q.citation() + "' is not a 45 CFR section");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void moduleSizesFitTheirKind() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            int lessons = module.lessons().size();
            int questions = module.questions().size();
            long multiple = module.questions().stream().filter(q -> q.type() == QuestionType.MULTIPLE).count();
            switch (module.kind()) {
                case CORE -> {
                    if (lessons < 4 || lessons > 8 || questions < 10 || multiple < 2) {
                        problems.add(module.id() + ": a core module needs 4-8 lessons and at least 10 questions, 2 of them "
                                + "multiple choice (has " + lessons + ", " + questions + ", " + multiple + ")");
                    }
                }
                case ROLE -> {
                    if (lessons < 2 || questions < 5) {
                        problems.add(module.id() + ": a role module needs at least 2 lessons and 5 questions");
                    }
                }
                case REMINDER -> {
                    if (lessons != 1 || questions < 3) {
                        problems.add(module.id() + ": a reminder has exactly 1 lesson and at least 3 questions");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void correctAnswersAreNotAlwaysTheSameLetter() {
        for (Module module : Content.catalogue().modules()) {
            Set<String> positions = new HashSet<>();
            module.questions().forEach(q -> positions.addAll(q.correct()));
            assertThat(positions).as(module.id() + ": correct answers spread over choices").hasSizeGreaterThan(1);
        }
    }

    @Test
    void aMultipleChoiceAnswerIsRightOnlyWithExactlyTheCorrectChoices() {
        Question q = new Question("q", "iri", QuestionType.MULTIPLE, null, "p",
                List.of(new Choice("a", "A"), new Choice("b", "B"), new Choice("c", "C")), List.of("a", "c"), "e", "c",
                List.of(), "o", false);

        assertThat(q.isCorrect(Set.of("a", "c"))).isTrue();
        assertThat(q.isCorrect(Set.of("a"))).isFalse();
        assertThat(q.isCorrect(Set.of("a", "b", "c"))).isFalse();
    }
}
