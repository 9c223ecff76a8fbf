package org.hipaatraining.lrs.compliance.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin's statement that an LMS activity (e.g. the Moodle SCORM activity a practice uploaded our privacy package to)
 * is a catalogue module, so the LMS's own statements about it count.
 *
 * @param activityIri      the statement object id the LMS sends, e.g. {@code https://moodle.clinic.example/mod/scorm/view.php?id=12}
 * @param completionCounts whether the LMS's "completed" for this activity means the module was passed (true when
 *                         the LMS activity's completion rule requires a passing grade)
 */
@Document(ActivityMappingStore.MAPPINGS)
public record ActivityMapping(@Id String activityIri, String moduleId, boolean completionCounts, String name,
                              String createdBy, Instant createdAt) {
}
