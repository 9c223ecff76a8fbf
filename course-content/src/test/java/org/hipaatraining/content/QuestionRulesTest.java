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

    private static final Pattern CITATION = Pattern.compile("45 CFR (16[0-4]|171)\\.\\d+.*");

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

    /**
     * Banks big enough for the draw: at least 3 items per objective in core and role modules and 2 in reminders, and
     * always more than an attempt draws, so a retake has fresh items for a missed objective. Attempts long enough to
     * measure: a core module asks at least 12 questions, a role module 5, a reminder 4.
     */
    @Test
    void banksAndAttemptsFitTheModuleKind() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            KnowledgeCheck check = module.knowledgeCheck();
            int lessons = module.lessons().size();
            int minBank = module.kind() == ModuleKind.REMINDER ? 2 : 3;
            for (Objective objective : module.objectives()) {
                int bank = check.bank(objective.id()).size();
                if (bank < Math.max(minBank, check.itemsPerObjective() + 1)) {
                    problems.add(module.id() + "/" + objective.id() + ": " + bank + " items for an attempt that draws "
                            + check.itemsPerObjective() + " (a " + module.kind() + " module needs at least " + minBank
                            + " and one more than it draws)");
                }
            }
            int asked = check.itemsPerObjective() * module.objectives().size();
            long multiple = module.questions().stream().filter(q -> q.type() == QuestionType.MULTIPLE).count();
            switch (module.kind()) {
                case CORE -> {
                    if (lessons < 4 || lessons > 8 || asked < 12 || multiple < 2) {
                        problems.add(module.id() + ": a core module needs 4-8 lessons, 12 questions an attempt and 2"
                                + " multiple-choice items (has " + lessons + ", " + asked + ", " + multiple + ")");
                    }
                }
                case ROLE -> {
                    if (lessons < 2 || asked < 5) {
                        problems.add(module.id() + ": a role module needs at least 2 lessons and 5 questions an attempt");
                    }
                }
                case REMINDER -> {
                    if (lessons != 1 || asked < 4) {
                        problems.add(module.id() + ": a reminder has exactly 1 lesson and at least 4 questions an attempt");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The player says "Select all that apply" under every multiple-choice prompt; the prompt must not say it again. */
    @Test
    void promptsLeaveTheAnswerInstructionToThePlayer() {
        List<String> problems = new ArrayList<>();
        for (Module module : Content.catalogue().modules()) {
            module.questions().stream().filter(q -> q.prompt().toLowerCase(java.util.Locale.ROOT).contains("select all")
                    || q.prompt().toLowerCase(java.util.Locale.ROOT).contains("select one"))
                    .forEach(q -> problems.add(module.id() + "/" + q.id() + ": " + q.prompt()));
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
