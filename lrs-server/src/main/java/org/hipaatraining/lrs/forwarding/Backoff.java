package org.hipaatraining.lrs.forwarding;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next try after {@code failures} failures in a row: the base doubled each time, capped,
 * with "equal jitter" (half fixed, half random) so that targets failing together, and instances retrying the same
 * target, spread out instead of hammering a recovering receiver at the same instant.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    Duration after(int failures, Duration retryAfter) {
        long ceiling = max.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long capped = exponential <= 0 ? ceiling : Math.min(exponential, ceiling);
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped / 2.0));
        // a receiver that said when to come back (429/503 Retry-After) is heeded, within our own ceiling
        if (retryAfter != null && retryAfter.toMillis() > jittered) {
            jittered = Math.min(retryAfter.toMillis(), ceiling);
        }
        return Duration.ofMillis(jittered);
    }
}
