package org.hipaatraining.lrs.cmi5;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records {@code abandoned} (9.3.6) for sessions that went quiet without {@code terminated} for longer than
 * {@code lrs.cmi5.session-timeout}: the learner closed the tab, the device died. A new launch of the registration
 * abandons its open sessions at once; this catches the ones nobody relaunches. The conditional close makes sure only
 * one instance writes the statement.
 */
@Component
class AbandonSweeper {

    private static final Logger log = LoggerFactory.getLogger(AbandonSweeper.class);
    private static final int BATCH = 200;

    private final SessionStore sessions;
    private final LmsStatements lms;
    private final Cmi5Settings settings;
    private final Clock clock;

    AbandonSweeper(SessionStore sessions, LmsStatements lms, Cmi5Settings settings, Clock clock) {
        this.sessions = sessions;
        this.lms = lms;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "#{@cmi5Settings.abandonSweep().toMillis()}",
            fixedDelayString = "#{@cmi5Settings.abandonSweep().toMillis()}")
    void sweep() {
        int abandoned = abandonIdle();
        if (abandoned > 0) {
            log.info("cmi5: {} idle sessions recorded as abandoned", abandoned);
        }
    }

    /** Abandons every open session idle longer than the timeout; returns how many. */
    int abandonIdle() {
        Instant cutoff = clock.instant().minus(settings.sessionTimeout());
        int count = 0;
        while (true) {
            var idle = sessions.idleSince(cutoff, BATCH);
            for (SessionStore.LaunchSession session : idle) {
                if (sessions.abandon(session.id(), clock.instant())) {
                    lms.abandoned(session);
                    count++;
                }
            }
            if (idle.size() < BATCH) {
                return count;
            }
        }
    }
}
