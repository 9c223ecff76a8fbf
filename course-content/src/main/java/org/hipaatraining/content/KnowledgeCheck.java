package org.hipaatraining.content;

import java.util.List;

/**
 * A module's knowledge check: a bank of items grouped by objective, of which every attempt draws
 * {@code itemsPerObjective} per objective (see {@link KnowledgeCheckDraw}).
 *
 * @param items every item of the bank, in the order questions.yaml lists them
 */
public record KnowledgeCheck(int itemsPerObjective, List<Question> items) {

    /** A module without a knowledge check (it completes after its last lesson). */
    public static final KnowledgeCheck NONE = new KnowledgeCheck(0, List.of());

    public KnowledgeCheck {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The items that measure one objective, in bank order. */
    public List<Question> bank(String objectiveId) {
        return items.stream().filter(q -> q.objective().equals(objectiveId)).toList();
    }
}
