package org.hipaatraining.lrs.forwarding;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps forwarding's own records from growing forever: tries older than {@code lrs.forwarding.deliveries-retention}
 * (on top of the newest {@code deliveries-kept} per target the worker keeps), dead letters resolved by a replay that
 * long ago (unresolved ones stay), and compliance events older than {@code lrs.forwarding.events-replay-window} that
 * every webhook target has delivered. Every instance runs it; each removal is a plain delete by time, so two at once do
 * no harm.
 */
@Component
class ForwardingPruner {

    private static final Logger log = LoggerFactory.getLogger(ForwardingPruner.class);

    private final DeliveryLog deliveries;
    private final DeadLetters deadLetters;
    private final ComplianceEventLog events;
    private final TargetStore targets;
    private final ForwardingSettings settings;
    private final Clock clock;

    ForwardingPruner(DeliveryLog deliveries, DeadLetters deadLetters, ComplianceEventLog events, TargetStore targets,
                     ForwardingSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.events = events;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${lrs.forwarding.prune-interval:1h}", fixedDelayString = "${lrs.forwarding.prune-interval:1h}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Forwarding records not pruned now, will retry: {}", e.toString());
        }
    }

    /** What was removed: tries, dead letters, events. */
    record Pruned(long deliveries, long deadLetters, long events) {
    }

    Pruned prune() {
        Instant now = clock.instant();
        Instant recordsBefore = now.minus(settings.deliveriesRetention());
        long tries = deliveries.prune(recordsBefore);
        long letters = deadLetters.prune(recordsBefore);
        // an event goes once it is older than the replay window and every webhook target's cursor is past it
        Instant eventsBefore = now.minus(settings.eventsReplayWindow());
        for (TargetStore.Stored t : targets.all()) {
            if (t.target().kind() == TargetKind.WEBHOOK && t.state().cursor().at().isBefore(eventsBefore)) {
                eventsBefore = t.state().cursor().at();
            }
        }
        long removed = events.prune(eventsBefore);
        if (tries + letters + removed > 0) {
            log.info("Forwarding records pruned: {} tries, {} resolved dead letters, {} delivered compliance events",
                    tries, letters, removed);
        }
        return new Pruned(tries, letters, removed);
    }
}
