package org.hipaatraining.content;

/**
 * What a learner should be able to do after a module, and where it is taught. The knowledge check draws its items per
 * objective, and the results page links a missed objective to its lesson section.
 *
 * @param id        stable kebab-case id; the bank's items name it
 * @param lessonId  the lesson that teaches it
 * @param sectionId the id of the {@code <h2>} or {@code <section>} in that lesson where it is taught
 */
public record Objective(String id, String text, String lessonId, String sectionId) {
}
