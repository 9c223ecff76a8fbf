package org.hipaatraining.lrs.forwarding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A target as the page and the API show it: configuration with secrets masked, and the figures of
 * docs/forwarding.md#admin-page.
 *
 * @param status            SECRETS_UNREADABLE (see secretsProblem), PAUSED, RETRYING (the last try failed; see nextAttemptAt), DELIVERING (items wait) or
 *                          CAUGHT_UP
 * @param oldestUndelivered when the oldest item after the cursor was stored; null when there is none
 * @param lagSeconds        how long that item has waited, in seconds (0 when caught up)
 * @param cursor            the last item delivered (or passed over by the selection)
 * @param secretsProblem    why the target's secrets cannot be read (no key, or another key than they were stored
 *                          with): nothing is sent to it until that is fixed; null when they can
 */
public record TargetView(String id, String name, TargetKind kind, String url, String xapiVersion,
                         Credentials.Masked credentials, String signingSecret, StatementSelection selection,
                         List<String> events, boolean paused, Instant createdAt, String status, Position cursor,
                         Instant oldestUndelivered, long lagSeconds, int failures, Instant failingSince,
                         Instant nextAttemptAt, String lastError, Instant lastErrorAt, Instant lastDeliveredAt,
                         long delivered, long failed, long deadLettered, String secretsProblem) {

    static TargetView of(Target t, DeliveryState s, Instant oldest, Instant now) {
        String status = t.paused() ? "PAUSED" : s.failures() > 0 ? "RETRYING" : oldest != null ? "DELIVERING" : "CAUGHT_UP";
        long lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        Credentials c = t.credentials() == null ? Credentials.NONE : t.credentials();
        return new TargetView(t.id(), t.name(), t.kind(), t.url().toString(), t.xapiVersion(), c.masked(),
                Secrets.mask(t.signingSecret()), t.selection(),
                t.events().stream().map(ComplianceEventType::wireName).sorted().toList(), t.paused(), t.createdAt(), status,
                s.cursor(), oldest, lag, s.failures(), s.failingSince(), s.nextAttemptAt(), s.lastError(), s.lastErrorAt(),
                s.lastDeliveredAt(), s.delivered(), s.failed(), s.deadLettered(), null);
    }

    /** The same, for a target whose secrets cannot be read: status {@code SECRETS_UNREADABLE}, and why. */
    TargetView withSecretsProblem(String problem) {
        if (problem == null) {
            return this;
        }
        return new TargetView(id, name, kind, url, xapiVersion, credentials, signingSecret, selection, events, paused,
                createdAt, "SECRETS_UNREADABLE", cursor, oldestUndelivered, lagSeconds, failures, failingSince, nextAttemptAt,
                lastError, lastErrorAt, lastDeliveredAt, delivered, failed, deadLettered, problem);
    }

    /** The lag as people read it: "12 s", "5 min", "3 h 20 min", "2 d 4 h". */
    public String lagText() {
        if (oldestUndelivered == null) {
            return "none";
        }
        long s = lagSeconds;
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 172800) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return (s / 86400) + " d " + (s % 86400 / 3600) + " h";
    }
}
