package org.hipaatraining.content;

import java.util.List;

/**
 * A lesson: a few minutes of reading with at least one scenario.
 *
 * @param roles empty when everyone taking the module reads it; otherwise a variant only for these roles
 * @param file  the HTML fragment's path inside the module folder
 * @param html  the HTML fragment
 */
public record Lesson(String id, String iri, String title, int estimatedMinutes, List<String> topics, List<String> citations,
                     List<String> roles, String file, String html) {

    public Lesson {
        topics = List.copyOf(topics);
        citations = List.copyOf(citations);
        roles = List.copyOf(roles);
    }
}
