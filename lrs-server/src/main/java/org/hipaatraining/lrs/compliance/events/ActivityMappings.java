package org.hipaatraining.lrs.compliance.events;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.LoadingCache;
import org.hipaatraining.lrs.system.Caches;
import org.springframework.stereotype.Component;

/**
 * The admin's LMS activity mappings as an in-memory snapshot, so applying statements as they arrive costs no extra
 * query. The snapshot may be a second or two old on another instance; that is safe because the catch-up and the
 * re-application after a mapping change always read {@link #fresh()} mappings (docs/compliance.md).
 */
@Component
class ActivityMappings {

    private static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final String ALL = "all";

    private final ActivityMappingStore store;
    /** One entry: every mapping by activity IRI, read at most {@link #MAX_AGE} ago. */
    private final LoadingCache<String, Map<String, ActivityMapping>> snapshot;

    ActivityMappings(ActivityMappingStore store, Clock clock) {
        this.store = store;
        this.snapshot = Caches.builder(clock).expireAfterWrite(MAX_AGE).build(all -> read());
    }

    Map<String, ActivityMapping> recent() {
        return snapshot.get(ALL);
    }

    Map<String, ActivityMapping> fresh() {
        Map<String, ActivityMapping> byIri = read();
        snapshot.put(ALL, byIri);
        return byIri;
    }

    private Map<String, ActivityMapping> read() {
        Map<String, ActivityMapping> byIri = new HashMap<>();
        store.all().forEach(m -> byIri.put(m.activityIri(), m));
        return Map.copyOf(byIri);
    }
}
