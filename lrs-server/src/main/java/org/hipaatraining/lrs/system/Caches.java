package org.hipaatraining.lrs.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Per-instance caches (Caffeine) whose time is the server's {@link Clock}, so expiry follows the clock tests move.
 * Each instance keeps its own: a cache in front of data other instances write must expire soon enough that the
 * staleness does not matter (each cache says how long that is, and why).
 */
public final class Caches {

    private Caches() {
    }

    public static Caffeine<Object, Object> builder(Clock clock) {
        return Caffeine.newBuilder().ticker(() -> {
            Instant now = clock.instant();
            return Duration.ofSeconds(now.getEpochSecond(), now.getNano()).toNanos();
        });
    }
}
