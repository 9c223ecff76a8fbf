package org.hipaatraining.lrs.forwarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.StatusesKept;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns changes of people's kept statuses into webhook events ({@link ComplianceEventLog}). The compliance feature
 * tells each recomputation as it happens ({@link StatusesKept}); an instance that stopped in between is covered by
 * the periodic check of every kept status. Both store an event before its announcement, so a stop between the two
 * finds the same event (same id) again instead of losing it. Only the event log is written here: delivery is the
 * worker's, never the ingest request's.
 */
@Component
class ComplianceWatcher {

    private static final Logger log = LoggerFactory.getLogger(ComplianceWatcher.class);
    private static final int CHUNK = 500;

    private final ComplianceService compliance;
    private final AnnouncedStatuses announced;
    private final ComplianceEventLog events;
    private final Clock clock;

    ComplianceWatcher(ComplianceService compliance, AnnouncedStatuses announced, ComplianceEventLog events, Clock clock) {
        this.compliance = compliance;
        this.announced = announced;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onKept(StatusesKept kept) {
        try {
            announce(kept.statuses());
        } catch (RuntimeException e) {
            // never fail the recomputation (and so the statement batch) for a webhook: the periodic check finds it
            log.warn("Compliance events of {} people not recorded now, the next check will: {}", kept.statuses().size(),
                    e.toString());
        }
    }

    /** Compares every kept status with what was announced: changes missed while an instance was stopping. */
    @Scheduled(initialDelayString = "#{@forwardingSettings.eventsCheckInterval().toMillis()}",
            fixedDelayString = "#{@forwardingSettings.eventsCheckInterval().toMillis()}")
    void check() {
        List<KeptStatus> chunk = new ArrayList<>(CHUNK);
        compliance.forEachKept(k -> {
            chunk.add(k);
            if (chunk.size() == CHUNK) {
                announce(List.copyOf(chunk));
                chunk.clear();
            }
        });
        announce(chunk);
    }

    void announce(List<KeptStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        Map<String, ComplianceChanges.Announced> before = announced.find(statuses.stream().map(KeptStatus::personId).toList());
        Instant at = clock.instant();
        List<ComplianceEvent> found = new ArrayList<>();
        List<ComplianceChanges.Announced> now = new ArrayList<>();
        for (KeptStatus kept : statuses) {
            ComplianceChanges.Announced previous = before.get(kept.personId());
            if (previous != null && previous.newerThan(kept)) {
                continue; // a slower recomputation from older inputs: what it says is already out of date
            }
            List<ComplianceEvent> changes = ComplianceChanges.between(previous, kept, at);
            // nothing to tell, nothing to write: a recomputation that changes nothing costs one read
            if (!changes.isEmpty() || !ComplianceChanges.Announced.of(kept).sameAs(previous)) {
                found.addAll(changes);
                now.add(ComplianceChanges.Announced.of(kept));
            }
        }
        events.add(found);
        announced.keep(now);
    }
}
