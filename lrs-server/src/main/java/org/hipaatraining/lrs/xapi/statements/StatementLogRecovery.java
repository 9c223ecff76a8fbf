package org.hipaatraining.lrs.xapi.statements;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes batches left in the {@link StatementLog}: those whose request was cut short (the instance crashed or was
 * killed, the store failed midway) and those a consumer could not apply yet. At start-up it takes over the entries of
 * a process of this host that has ended (the embedded store's usual case: a restart after a crash), then every few
 * seconds any entry whose lease has run out (another instance that is gone).
 */
@Component
public class StatementLogRecovery {

    private static final Logger log = LoggerFactory.getLogger(StatementLogRecovery.class);
    private static final int AT_MOST_PER_RUN = 1000;

    private final StatementLog statementLog;
    private final StatementWriter writer;
    private final Clock clock;

    StatementLogRecovery(StatementLog statementLog, @Lazy StatementWriter writer, Clock clock) {
        this.statementLog = statementLog;
        this.writer = writer;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int finished = run();
        if (finished > 0) {
            log.warn("Statement log: finished {} batches left by an earlier run of the LRS", finished);
        }
    }

    @Scheduled(initialDelayString = "${lrs.statements.recovery-interval:2s}", fixedDelayString = "${lrs.statements.recovery-interval:2s}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Statement log recovery failed, will retry: {}", e.toString());
        }
    }

    /** Finishes what can be finished now; returns how many batches. */
    public synchronized int run() {
        Instant now = clock.instant();
        int finished = 0;
        for (Document leased : statementLog.leased(now, AT_MOST_PER_RUN)) {
            if (StatementWriter.InstanceName.endedOnThisHost(leased.getString("owner"))) {
                finished += finish(statementLog.claim(leased.getString("_id"), now, writer.owner(), writer.lease()));
            }
        }
        while (finished < AT_MOST_PER_RUN) {
            Optional<StatementLog.Entry> expired = statementLog.claim(null, now, writer.owner(), writer.lease());
            if (expired.isEmpty()) {
                break;
            }
            finished += finish(expired);
        }
        return finished;
    }

    /** Finishes one batch now, whoever holds it: a client's re-send found some of its statements. */
    void finishNow(String batchId) {
        finish(statementLog.claim(batchId, clock.instant(), writer.owner(), writer.lease()));
    }

    /** Replays one batch; a batch that fails is tried again at the next run and holds back no other batch. */
    private int finish(Optional<StatementLog.Entry> entry) {
        if (entry.isEmpty()) {
            return 0;
        }
        try {
            writer.replay(entry.get());
            return 1;
        } catch (RuntimeException e) {
            log.warn("Statement log: batch {} could not be finished now, will retry: {}", entry.get().id(), e.toString());
            return 0;
        }
    }

    /** What health reports: batches not yet finished, and the oldest one's age. */
    public Backlog backlog() {
        return statementLog.backlog(clock.instant());
    }

    /** Batches in the statement log and how long the oldest has waited. */
    public record Backlog(long batches, java.time.Duration oldest) {
    }
}
