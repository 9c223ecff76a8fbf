package org.hipaatraining.lrs.compliance.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The admin's LMS activity mappings as an in-memory snapshot, so applying statements as they arrive costs no extra
 * query. The snapshot may be a second or two old on another instance; that is safe because the catch-up and the
 * re-application after a mapping change always read {@link #fresh()} mappings (docs/compliance.md).
 */
@Component
class ActivityMappings {

    private static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Snapshot(Map<String, ActivityMapping> byIri, Instant loaded) {
    }

    private final ActivityMappingStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    ActivityMappings(ActivityMappingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Map<String, ActivityMapping> recent() {
        Snapshot current = snapshot;
        if (current == null || current.loaded().plus(MAX_AGE).isBefore(clock.instant())) {
            return fresh();
        }
        return current.byIri();
    }

    Map<String, ActivityMapping> fresh() {
        Map<String, ActivityMapping> byIri = new HashMap<>();
        store.all().forEach(m -> byIri.put(m.activityIri(), m));
        snapshot = new Snapshot(Map.copyOf(byIri), clock.instant());
        return snapshot.byIri();
    }
}
