package org.hipaatraining.lrs.compliance.coaching;

import java.time.Instant;

/**
 * What a supervisor noted after a conversation with someone on their team about their training (HIPAA expects a manager
 * who reinforces it). Kept for the person's record; never sent anywhere as xAPI.
 *
 * @param author the user name of the supervisor who wrote it
 * @param at     when it was written
 */
public record CoachingNote(String id, String personId, String text, String author, Instant at) {
}
