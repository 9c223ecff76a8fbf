package org.hipaatraining.content;

import java.util.List;
import java.util.Set;

/** A knowledge-check question with its answer, why, and the rule behind it. */
public record Question(String id, String iri, QuestionType type, String scenario, String prompt, List<Choice> choices,
                       List<String> correct, String explanation, String citation, List<String> topics) {

    public Question {
        choices = List.copyOf(choices);
        correct = List.copyOf(correct);
        topics = List.copyOf(topics);
    }

    /** Correct when exactly the correct choices were selected. */
    public boolean isCorrect(Set<String> selected) {
        return selected.equals(Set.copyOf(correct));
    }
}
