package org.hipaatraining.content;

/** A topic the curriculum requires, with the rule it comes from. */
public record Topic(String id, String title, String citation) {
}
