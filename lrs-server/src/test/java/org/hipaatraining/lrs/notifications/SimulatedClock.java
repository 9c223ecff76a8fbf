package org.hipaatraining.lrs.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand, shared by every server instance of the test JVM: days pass without sleeping. */
final class SimulatedClock extends Clock {

    static final SimulatedClock INSTANCE = new SimulatedClock();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-02-01T09:00:00Z"));

    void set(LocalDate day) {
        now.set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    void advance(java.time.Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    LocalDate today() {
        return LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Replaces the application's clock in a server started with this class among its sources. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Use {
        @Bean
        @Primary
        Clock simulatedClock() {
            return INSTANCE;
        }
    }
}
