package org.hipaatraining.content;

/** One answer a learner can pick. */
public record Choice(String id, String text) {
}
