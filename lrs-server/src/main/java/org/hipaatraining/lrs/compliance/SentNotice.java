package org.hipaatraining.lrs.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One notice sent (or being sent) about a person, as training records show it. The pages also show its kind and
 * delivery status ({@code kind().label()}, {@code status()}), which belong to the notifications feature.
 */
public interface SentNotice {

    /** Whom the notice is about (the supervisor for a digest). */
    String personId();

    /** The requirement (module id or security-reminders); null for digests and summaries. */
    String requirement();

    String moduleTitle();

    LocalDate dueDate();

    List<String> to();

    Instant createdAt();

    /** Null until sent. */
    Instant sentAt();
}
