package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff lowest = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.0);
    private final Backoff highest = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), () -> 0.999999);

    @Test
    void theWaitDoublesWithEachFailureWithinHalfAndWholeOfTheStep() {
        assertThat(lowest.after(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.after(1, null)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(lowest.after(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lowest.after(4, null)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theWaitStopsGrowingAtTheCeilingEvenAfterManyFailures() {
        assertThat(highest.after(20, null)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(highest.after(1000, null)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(lowest.after(1000, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLongerRetryAfterFromTheReceiverIsHeededUpToTheCeiling() {
        assertThat(lowest.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(lowest.after(1, Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(10));
        assertThat(lowest.after(4, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8));
    }
}
