package org.hipaatraining.content;

import java.util.List;
import java.util.Set;

/**
 * A knowledge-check item of a module's bank: one of several interchangeable items for one objective, with its answer,
 * why, and the rule behind it.
 *
 * @param objective       the id of the objective the item measures
 * @param keepChoiceOrder true when the choices have an order of their own (ordinal options, "both of these"), so the
 *                        player shows them as written instead of shuffling them
 */
public record Question(String id, String iri, QuestionType type, String scenario, String prompt, List<Choice> choices,
                       List<String> correct, String explanation, String citation, List<String> topics,
                       String objective, boolean keepChoiceOrder) {

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
