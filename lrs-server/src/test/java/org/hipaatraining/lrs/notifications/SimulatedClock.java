package org.hipaatraining.lrs.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.hipaatraining.lrs.support.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand, shared by every server instance of the test JVM: days pass without sleeping. */
final class SimulatedClock extends MovableClock {

    static final SimulatedClock INSTANCE = new SimulatedClock();

    private SimulatedClock() {
        super(Instant.parse("2027-02-01T09:00:00Z"));
    }

    void set(LocalDate day) {
        set(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
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
